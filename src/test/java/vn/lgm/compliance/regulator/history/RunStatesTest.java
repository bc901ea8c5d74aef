package vn.lgm.compliance.regulator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.audit.Audit;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.report.Reform;
import vn.lgm.compliance.regulator.report.RegulatorAudit;
import vn.lgm.compliance.texts.RuleNames;

/**
 * What the audit history keeps of a run is what happened (issue 20, items 1, 2, 4, 5, 6): a run stopped midway is
 * stored INTERRUPTED with the records it reached and is never taken as the base of a comparison, reported or
 * reformed; a refused run stores and leaves nothing; runs are compared only within one register and one kind; a
 * history that cannot be written refuses the run before it starts, and one that fails during the run leaves the
 * audit complete with a manifest saying it was not recorded.
 */
class RunStatesTest {

    static final Path DATA = Path.of("data/lao-cai");
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 28);

    @TempDir
    Path dir;

    Assessor assessor;
    HistoryStore store;
    String url;

    @BeforeEach
    void open() {
        assessor = SharedRules.assessor();
        url = "jdbc:h2:file:" + dir.resolve("history/audits").toAbsolutePath();
        store = HistoryStore.open(url, null, null);
    }

    Path jsonl(int n, long seed) throws Exception {
        Path file = dir.resolve("register-" + seed + ".jsonl");
        SyntheticProjects.write(file, n, seed);
        return file;
    }

    RegulatorAudit.Outcome audit(Path in, String name, String register, Long since, Consumer<AuditRunner.Result> progress,
                                 AuditRunner.Stop stop) throws Exception {
        return new RegulatorAudit(assessor, store).run(new RegulatorAudit.Request(in, dir.resolve(name + ".ndjson"),
                dir.resolve(name), AS_OF, null, null, since, null, null, "en", Set.of("html", "json"), register), progress, stop);
    }

    static JsonNode manifest(Path dir, String name) throws Exception {
        return Json.json().readTree(Audit.manifestPath(dir.resolve(name + ".ndjson")).toFile());
    }

    @Test
    void aRunStoppedMidwayIsStoredInterruptedAndNeverTakenAsComplete() throws Exception {
        Path in = jsonl(600, 1);
        RegulatorAudit.Outcome first = audit(in, "first", null, null, null, new AuditRunner.Stop());
        assertEquals(HistoryStore.State.COMPLETE, store.run(first.runId()).state());

        AuditRunner.Stop stop = new AuditRunner.Stop();
        long[] seen = {0};
        RegulatorAudit.Outcome stopped = audit(in, "stopped", null, null, r -> {
            if (++seen[0] == 100) {
                stop.request("stopped by the test");
            }
        }, stop);
        HistoryStore.Run run = store.run(stopped.runId());
        assertEquals(HistoryStore.State.INTERRUPTED, run.state());
        assertFalse(run.complete());
        assertEquals("stopped by the test", run.stopped());
        assertTrue(run.assessed() + run.errors() < 600, "the records it reached: " + run.howFar());
        assertEquals(stopped.run().records(), run.records(), "records read, as the manifest says");
        // The records stored are the lines written: the output's lines but its final "incomplete" line.
        List<String> lines = Files.readAllLines(Audit.partialPath(dir.resolve("stopped.ndjson")), StandardCharsets.UTF_8);
        assertTrue(lines.get(lines.size() - 1).startsWith("{\"incomplete\""));
        assertEquals(lines.size() - 1, run.assessed() + run.errors());
        assertEquals(lines.size() - 1, store.storedRecords(run.id()));
        assertEquals(lines.size() - 1, store.records(run.id()).size());
        // No department report of a run cut short, and the manifest says where the history keeps it.
        assertFalse(stopped.reported());
        assertFalse(Files.exists(dir.resolve("stopped.html")) || Files.exists(dir.resolve("stopped.json")));
        JsonNode m = manifest(dir, "stopped");
        assertFalse(m.get("complete").asBoolean());
        assertEquals("INTERRUPTED", m.get("history").get("state").asText());
        assertEquals(run.id(), m.get("history").get("runId").asLong());

        // The next audit of the register is compared with the last complete run, never the interrupted one.
        RegulatorAudit.Outcome third = audit(in, "third", null, null, null, new AuditRunner.Stop());
        assertEquals(first.runId(), store.previousRun(third.runId()).id());
        @SuppressWarnings("unchecked")
        Map<String, Object> changes = (Map<String, Object>) third.model().get("changes");
        assertEquals(first.runId(), ((Number) changes.get("sinceRunId")).longValue());
        assertEquals(List.of(), changes.get("goneFromRegister"), "nothing is 'gone from the register'");

        // Asked for a report, a comparison or a reform, the interrupted run says how far it got and is refused.
        RegulatorAudit regulator = new RegulatorAudit(assessor, store);
        HistoryStore.IncompleteRun e = assertThrows(HistoryStore.IncompleteRun.class,
                () -> regulator.report(run.id(), "en", null, null, null, null));
        assertTrue(e.getMessage().contains("interrupted after " + run.records() + " records"), e.getMessage());
        Reform reform = Reform.parse("rareEarth.treoMinimumPercent: 85\n", assessor.rules().parameters());
        assertThrows(HistoryStore.IncompleteRun.class, () -> regulator.reform(run.id(), reform, "en"));
        assertThrows(HistoryStore.IncompleteRun.class,
                () -> Changes.between(store, run.id(), first.runId(), new RuleNames(assessor.rules()), "en"));

        // Compared with it by id, as asked: the comparison is made, and says so first.
        Changes.Report asked = Changes.between(store, third.runId(), run.id(), new RuleNames(assessor.rules()), "en");
        assertTrue(asked.notice().contains("did not complete"), asked.notice());
        assertFalse(asked.newInRegister().isEmpty(), "the licences it did not reach show as new");
        Map<String, Object> report = regulator.report(third.runId(), "en", run.id(), null, null, null);
        @SuppressWarnings("unchecked")
        List<String> summary = (List<String>) report.get("summary");
        assertTrue(summary.get(0).startsWith("Compared, as asked, with audit " + run.id() + ", which did not complete (interrupted after "),
                summary.get(0));
        String html = vn.lgm.compliance.regulator.report.ReportFiles.html(report);
        assertTrue(html.indexOf("class=\"notice\"") > 0 && html.indexOf("class=\"notice\"") < html.indexOf("id=\"summary\""),
                "the notice is at the top of the page");
    }

    @Test
    void aRefusedRunStoresNothingAndLeavesNothingBehind() throws Exception {
        RegulatorAudit.Outcome first = audit(jsonl(20, 2), "first", null, null, null, new AuditRunner.Stop());
        Path badHeader = dir.resolve("bad-header.csv");
        Files.writeString(badHeader, "TT,Ten_don_vi\n1,Công ty\n");
        assertThrows(IllegalArgumentException.class, () -> audit(badHeader, "bad", null, null, null, new AuditRunner.Stop()));
        assertThrows(java.nio.file.NoSuchFileException.class,
                () -> audit(dir.resolve("no-such-register.csv"), "missing", null, null, null, new AuditRunner.Stop()));
        Path badReform = dir.resolve("reform.yaml");
        Files.writeString(badReform, "rareEarth.treoMinimumPercent: 200\n");
        assertThrows(IllegalArgumentException.class, () -> new RegulatorAudit(assessor, store).run(new RegulatorAudit.Request(
                jsonl(5, 3), dir.resolve("reformed.ndjson"), null, null, null, null, null, null, badReform, "en", Set.of()), null));
        for (String name : List.of("bad", "missing", "reformed")) {
            Path out = dir.resolve(name + ".ndjson");
            assertFalse(Files.exists(out) || Files.exists(Audit.partialPath(out)) || Files.exists(Audit.manifestPath(out)),
                    name + ": nothing left behind");
        }
        assertEquals(List.of(first.runId()), store.runs().stream().map(HistoryStore.Run::id).toList(), "nothing stored");
        RegulatorAudit.Outcome next = audit(jsonl(5, 4), "next", null, null, null, new AuditRunner.Stop());
        assertEquals(first.runId() + 1, next.runId(), "run numbers count real runs only");
    }

    @Test
    void runsAreComparedOnlyWithEarlierRunsOfTheSameRegisterAndKind() throws Exception {
        Path exploration = DATA.resolve("ds-gp-tham-do-yen-bai-6-2025.csv");
        Path followUp = DATA.resolve("theo-doi-phap-ly-mo-khai-thac-4-2026.csv");
        long a = audit(exploration, "a", "lao-cai", null, null, new AuditRunner.Stop()).runId();
        RegulatorAudit.Outcome b = audit(followUp, "b", "lao-cai", null, null, new AuditRunner.Stop());
        assertEquals("CSV: exploration licences", store.run(a).registerKind());
        assertEquals("CSV: legal follow-up of mines", store.run(b.runId()).registerKind());
        assertNull(store.previousRun(b.runId()), "the same name, another kind of register: never compared");
        assertNull(b.model().get("changes"));
        long c = audit(followUp, "c", "lao-cai", null, null, new AuditRunner.Stop()).runId();
        assertEquals(b.runId(), store.previousRun(c).id());
        long d = audit(followUp, "d", "another name", null, null, new AuditRunner.Stop()).runId();
        assertNull(store.previousRun(d), "another register of the same kind");

        // Runs posted without a name form one series per kind.
        long e = unnamed("CSV: exploration licences");
        long f = unnamed("CSV: legal follow-up of mines");
        long g = unnamed("CSV: exploration licences");
        assertNull(store.previousRun(f), "an unnamed follow-up register is not compared with an unnamed exploration one");
        assertEquals(e, store.previousRun(g).id());
    }

    private long unnamed(String kind) {
        long id = store.startRun(new HistoryStore.RunStart(ApiRunRecorder.UNNAMED, false, kind, "POST /api/v1/audits", kind,
                assessor.rules().version(), AS_OF, null, Instant.now(), List.of()));
        store.finishRun(id, new HistoryStore.RunEnd(HistoryStore.State.COMPLETE, null, "0", Instant.now(), 1, 0, 0, 0, 0,
                Map.of(), List.of()));
        return id;
    }

    /**
     * A history folder made read-only (chmod, or for root, who ignores modes, the immutable attribute): the run is
     * refused before it starts — nothing written, nothing stored.
     */
    @Test
    void aHistoryThatCannotBeWrittenRefusesTheRunBeforeItStarts() throws Exception {
        audit(jsonl(10, 5), "first", null, null, null, new AuditRunner.Stop());
        try (Connection c = store.connect(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN"); // the database is closed: the next use opens the file again
        }
        Path folder = dir.resolve("history");
        ReadOnly readOnly = ReadOnly.make(folder);
        try {
            Path in = jsonl(10, 6);
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> audit(in, "refused", null, null, null, new AuditRunner.Stop()));
            assertTrue(e.getMessage().contains("cannot start a run") || e.getMessage().contains("cannot open"), e.getMessage());
            Path out = dir.resolve("refused.ndjson");
            assertFalse(Files.exists(out) || Files.exists(Audit.partialPath(out)) || Files.exists(Audit.manifestPath(out)));
        } finally {
            readOnly.undo();
        }
        assertEquals(1, HistoryStore.open(url, null, null).runs().size());
    }

    /**
     * The history fails during the run (a full disk: here its record table refuses every new row from the second
     * batch on): the audit goes on to its end, its output is complete, the manifest says the run was not recorded,
     * the run is stored FAILED saying why, and no report is made from a history that lacks records.
     */
    @Test
    void aHistoryThatFailsDuringTheRunLeavesTheAuditCompleteAndSaysItWasNotRecorded() throws Exception {
        Path in = jsonl(400, 7);
        long[] seen = {0};
        RegulatorAudit.Outcome o = audit(in, "full", null, null, r -> {
            if (++seen[0] == 100) {
                try (Connection c = store.connect(); Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_record ADD CONSTRAINT history_full CHECK (line < 0) NOCHECK");
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }, new AuditRunner.Stop());
        assertTrue(o.run().complete());
        assertEquals(400, Files.readAllLines(dir.resolve("full.ndjson")).size(), "the output is complete");
        assertFalse(o.recorded().recorded());
        assertFalse(o.reported());
        JsonNode m = manifest(dir, "full");
        assertTrue(m.get("complete").asBoolean());
        assertFalse(m.get("history").get("recorded").asBoolean());
        assertTrue(m.get("history").get("problem").asText().contains("HISTORY_FULL"), m.toString());
        HistoryStore.Run run = store.run(o.runId());
        assertEquals(HistoryStore.State.FAILED, run.state());
        assertTrue(run.stopped().contains("could not store every record") && run.stopped().contains("the audit itself completed"),
                run.stopped());
        assertTrue(store.storedRecords(run.id()) < 400);
    }

    /**
     * A run that has started and then fails before it can end — its complete output cannot be moved into place (a
     * folder stands where it goes) — is closed FAILED with the records it stored, and said to have failed, not refused.
     */
    @Test
    void aRunThatFailsAfterItStartedIsStoredFailed() throws Exception {
        Path out = dir.resolve("blocked.ndjson");
        Files.createDirectories(out.resolve("in-the-way"));
        RegulatorAudit.RunFailed e = assertThrows(RegulatorAudit.RunFailed.class, () -> new RegulatorAudit(assessor, store)
                .run(new RegulatorAudit.Request(jsonl(70, 8), out, null, null, null, null, null, null, null, "en", Set.of()), null));
        HistoryStore.Run run = store.run(e.runId());
        assertEquals(HistoryStore.State.FAILED, run.state());
        assertTrue(run.stopped().startsWith("the audit failed before it ended"), run.stopped());
        assertEquals(70, run.records());
        assertEquals(70, store.storedRecords(run.id()));
    }

    /** Makes a folder and its files unwritable for this process, by mode or, for root, by the immutable attribute. */
    record ReadOnly(Path folder, boolean immutable) {

        static ReadOnly make(Path folder) throws Exception {
            List<Path> all;
            try (var s = Files.walk(folder)) {
                all = s.toList();
            }
            for (Path p : all) {
                p.toFile().setWritable(false, false);
            }
            if (writable(folder)) {
                List<String> command = new java.util.ArrayList<>(List.of("chattr", "+i"));
                all.forEach(p -> command.add(p.toString()));
                int status = new ProcessBuilder(command).inheritIO().start().waitFor();
                org.junit.jupiter.api.Assumptions.assumeTrue(status == 0 && !writable(folder),
                        "cannot make a folder read-only for this user (root without chattr)");
                return new ReadOnly(folder, true);
            }
            return new ReadOnly(folder, false);
        }

        static boolean writable(Path folder) {
            try {
                Files.delete(Files.createTempFile(folder, "probe", ".tmp"));
                return true;
            } catch (java.io.IOException e) {
                return false;
            }
        }

        void undo() throws Exception {
            List<Path> all;
            try (var s = Files.walk(folder)) {
                all = s.toList();
            }
            if (immutable) {
                List<String> command = new java.util.ArrayList<>(List.of("chattr", "-i"));
                all.forEach(p -> command.add(p.toString()));
                new ProcessBuilder(command).inheritIO().start().waitFor();
            }
            for (Path p : all) {
                p.toFile().setWritable(true, true);
            }
        }
    }
}
