package vn.lgm.compliance.regulator.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.cli.Cli;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.Limits;

/**
 * Fault injection for audits (issue #12): each failure found by trying the landed version as an attacker and a
 * careful operator would, reproduced, and shown to hold — every record accounted for (records in = assessed +
 * errors), a complete run said to be complete, an incomplete one said to be incomplete.
 */
class AuditFaultsTest {

    static final Path FOLLOW_UP = Path.of("data/lao-cai/theo-doi-phap-ly-mo-khai-thac-4-2026.csv");
    static final java.time.LocalDate AS_OF = java.time.LocalDate.of(2026, 4, 28);

    @TempDir
    Path dir;

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            out.add(Json.json().readTree(l));
        }
        return out;
    }

    private static void balanced(RunInfo run, long records) {
        assertEquals(records, run.records(), "records in");
        assertEquals(run.records(), run.assessed() + run.errors(), "records in = assessed + errors");
        assertTrue(run.complete(), "complete: " + run);
    }

    private Path jsonl(int n, long seed) throws IOException {
        Path file = dir.resolve("projects-" + seed + ".jsonl");
        SyntheticProjects.write(file, n, seed);
        return file;
    }

    @Test
    void aLineWithAVeryLongIdIsThatRecordsErrorAndTheRunGoesOn() throws Exception {
        List<String> in = new ArrayList<>(Files.readAllLines(jsonl(300, 1)));
        in.set(10, "{\"id\": \"" + "x".repeat(3_000) + "\", \"stage\": \"SOON\"}");
        in.set(20, "{\"id\": \"" + "\\\"".repeat(200_000) + "\", \"stage\": 3}");
        Path file = dir.resolve("long-ids.jsonl");
        Files.write(file, in);
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(file, out, null, null, null, null, null);
        balanced(run, 300);
        assertEquals(2, run.errors());
        List<JsonNode> results = lines(out);
        assertEquals(300, results.size());
        assertEquals(11, results.get(10).get("line").asInt());
        assertEquals(201, results.get(10).get("id").asText().length(), "the id is repeated, cut at 200 characters");
        assertEquals("stage", results.get(20).get("errors").get(0).get("path").asText());
        assertTrue(Json.json().readTree(Audit.manifestPath(out).toFile()).get("complete").asBoolean());
    }

    @Test
    void anOversizedLineIsSkippedUnreadAndCounted() throws Exception {
        List<String> in = new ArrayList<>(Files.readAllLines(jsonl(200, 2)));
        in.set(50, "{\"id\": \"BIG\", \"name\": \"" + "y".repeat(300_000) + "\"}");
        Path file = dir.resolve("oversized.jsonl");
        Files.write(file, in);
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor(), Limits.DEFAULTS.withMaxRecordBytes(64 * 1024))
                .run(file, out, null, null, null, null, null);
        balanced(run, 200);
        JsonNode error = lines(out).get(50);
        assertEquals(51, error.get("line").asInt());
        assertTrue(error.get("errors").get(0).get("message").asText().contains("over the limit of 65536 bytes"), error.toString());
        assertEquals("SYN-51", lines(out).get(51).get("projectId").asText(), "reading went on with the next line");
    }

    /** The follow-up register with one physical line replaced. */
    private Path register(int dataRow, java.util.function.UnaryOperator<String> change) throws IOException {
        List<String> csv = new ArrayList<>(Files.readAllLines(FOLLOW_UP, StandardCharsets.UTF_8));
        // Data row N starts on the physical line found by counting records (some cells span lines).
        int line = physicalLineOf(csv, dataRow);
        csv.set(line, change.apply(csv.get(line)));
        Path file = dir.resolve("register-" + dataRow + ".csv");
        Files.write(file, csv, StandardCharsets.UTF_8);
        return file;
    }

    private static int physicalLineOf(List<String> csv, int dataRow) {
        int record = 0;
        boolean open = false;
        for (int i = 1; i < csv.size(); i++) {
            if (!open) {
                record++;
                if (record == dataRow) {
                    return i;
                }
            }
            for (char c : csv.get(i).toCharArray()) {
                if (c == '"') {
                    open = !open;
                }
            }
        }
        throw new IllegalArgumentException("no data row " + dataRow);
    }

    @Test
    void aCsvRowWithExtraCellsIsThatRowsErrorAndNothingElseMoves() throws Exception {
        Path file = register(40, l -> l + ",extra one,extra two");
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(file, out, null, AS_OF, null, null, null);
        balanced(run, 209);
        List<JsonNode> results = lines(out);
        assertTrue(results.get(39).get("errors").get(0).get("message").asText().contains("2 more than the header's 24 columns"),
                results.get(39).toString());
        assertTrue(results.get(40).get("projectId").asText().startsWith("row-41 "), "the next row is read: " + results.get(40));
        assertEquals(3, run.errors(), "the two errors of the register as published, and this one");
    }

    @Test
    void anUnclosedQuoteIsThatRecordsErrorAndReadingGoesOnAtTheNextLine() throws Exception {
        Path file = register(60, l -> l.endsWith(",") ? l + "\"unclosed" : l + ",\"unclosed");
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(file, out, null, AS_OF, null, null, null);
        balanced(run, 209);
        List<JsonNode> results = lines(out);
        assertTrue(results.get(59).get("errors").get(0).get("message").asText().contains("reading goes on at the next line"),
                results.get(59).toString());
        assertTrue(results.get(60).get("projectId").asText().startsWith("row-61 "), results.get(60).toString());
        assertTrue(results.get(208).get("projectId").asText().startsWith("row-209 "));
    }

    @Test
    void aStrayQuoteThatJoinsCellsIsThatRecordsError() throws Exception {
        Path file = register(60, l -> l.replaceFirst(",", ",\"stray "));
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(file, out, null, AS_OF, null, null, null);
        balanced(run, 209);
        List<JsonNode> results = lines(out);
        assertTrue(results.get(59).get("errors").get(0).get("message").asText().contains("a stray quote"),
                results.get(59).toString());
        assertTrue(results.get(60).get("projectId").asText().startsWith("row-61 "), results.get(60).toString());
    }

    @Test
    void theRegisterIsRecognisedByItsHeaderWhateverItsName() throws Exception {
        Path renamed = dir.resolve("copy of the register.txt");
        Files.copy(FOLLOW_UP, renamed);
        Path a = dir.resolve("as-published.ndjson");
        Path b = dir.resolve("renamed.ndjson");
        RunInfo published = new Audit(Rules.assessor()).run(FOLLOW_UP, a, null, AS_OF, null, null, null);
        RunInfo copy = new Audit(Rules.assessor()).run(renamed, b, null, AS_OF, null, null, null);
        balanced(published, 209);
        balanced(copy, 209);
        assertEquals(Files.readString(a), Files.readString(b), "same bytes, same result");
        long nonCompliant = lines(a).stream().filter(n -> "NON_COMPLIANT".equals(n.path("verdict").asText())).count();
        assertEquals(44, nonCompliant, "the follow-up register's complete-record section still applies (not to its stopped mines)");
    }

    @Test
    void aCsvNoRegisterMatchesIsRefusedWithTheReason() throws Exception {
        Path file = dir.resolve("other.csv");
        Files.writeString(file, "TT,Ten_don_vi\n1,Công ty\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Audit(Rules.assessor()).run(file, dir.resolve("o.ndjson"), null, AS_OF, null, null, null));
        assertTrue(e.getMessage().contains("matches none of the registers"), e.getMessage());
    }

    @Test
    void theInputIsNeverTheOutput() throws Exception {
        Path file = jsonl(20, 3);
        byte[] before = Files.readAllBytes(file);
        assertEquals(2, Cli.run("audit", "--in", file.toString(), "--out", file.toString()));
        assertEquals(2, Cli.run("audit", "--in", file.toString(), "--out", dir.resolve("./" + file.getFileName()).toString()));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)), "the input is untouched");
    }

    @Test
    void aRunStoppedEarlyEndsItsOutputHonestlyAndLeavesNoFinalFile() throws Exception {
        Path file = jsonl(2_000, 4);
        Path out = dir.resolve("stopped.ndjson");
        Files.writeString(Audit.manifestPath(out), "{\"complete\": true, \"note\": \"a stale manifest from an earlier run\"}");
        AuditRunner.Stop stop = new AuditRunner.Stop();
        long[] seen = {0};
        RunInfo run = new Audit(Rules.assessor()).run(file, out, dir.resolve("report"), null, null, null, r -> {
            if (++seen[0] == 100) {
                stop.request("stopped by the test");
            }
        }, stop);
        assertFalse(run.complete());
        assertFalse(Files.exists(out), "no file that looks final");
        assertFalse(Files.exists(dir.resolve("report.html")), "no report of a partial run");
        List<JsonNode> partial = lines(Audit.partialPath(out));
        JsonNode last = partial.get(partial.size() - 1);
        assertEquals("stopped by the test", last.get("incomplete").get("reason").asText());
        assertEquals(partial.size() - 1, last.get("incomplete").get("assessed").asLong() + last.get("incomplete").get("errors").asLong());
        JsonNode manifest = Json.json().readTree(Audit.manifestPath(out).toFile());
        assertFalse(manifest.get("complete").asBoolean(), "the stale manifest is replaced by an honest one");
        assertEquals("stopped by the test", manifest.get("stopped").asText());
    }

    @Test
    void anyThrowableInReadingOrAssessingIsContainedToItsRecord() throws Exception {
        byte[] input = Files.readAllBytes(jsonl(200, 5));
        RecordSource failing = new JsonLinesSource(new java.io.ByteArrayInputStream(input)) {
            @Override
            public InputRecord parse(Raw raw) {
                if (raw.line() == 7) {
                    throw new StackOverflowError();
                }
                if (raw.line() == 8) {
                    throw new OutOfMemoryError("Java heap space");
                }
                if (raw.line() == 9) {
                    throw new IllegalStateException("a bug in the reader");
                }
                return super.parse(raw);
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditRunner.Outcome o = new AuditRunner(Rules.assessor(), null, null).run(failing, out, null, new AuditRunner.Stop());
        assertTrue(o.complete(), o.toString());
        assertEquals(200, o.records());
        assertEquals(3, o.errors());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(200, lines.size());
        assertTrue(lines.get(6).contains("nested too deeply"), lines.get(6));
        assertTrue(lines.get(7).contains("more memory"), lines.get(7));
        assertTrue(lines.get(8).contains("a bug in the reader"), lines.get(8));
    }

    @Test
    void anInputThatFailsMidwayIsReportedIncomplete() throws Exception {
        byte[] input = Files.readAllBytes(jsonl(500, 6));
        InputStream breaking = new java.io.ByteArrayInputStream(input) {
            int read;

            @Override
            public synchronized int read(byte[] b, int off, int len) {
                if (read > input.length / 2) {
                    throw new java.io.UncheckedIOException(new IOException("disk read error"));
                }
                int n = super.read(b, off, Math.min(len, 4096));
                read += Math.max(n, 0);
                return n;
            }
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditRunner.Outcome o = new AuditRunner(Rules.assessor(), null, null)
                .run(new JsonLinesSource(breaking), out, null, new AuditRunner.Stop());
        assertFalse(o.complete());
        assertEquals(o.records(), o.assessed() + o.errors(), "every record read has its line");
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        JsonNode last = Json.json().readTree(lines.get(lines.size() - 1));
        assertTrue(last.get("incomplete").get("reason").asText().contains("disk read error"), last.toString());
    }

    /**
     * Excel leaves rows of only commas below a sheet's last row, and a register may hold a blank line: neither is a
     * licence. They are skipped and counted (the manifest's skippedRows), and every record keeps the register's own row
     * number in its id, as a spreadsheet shows it.
     */
    @Test
    void blankRowsAndRowsOfOnlyCommasAreSkippedCountedAndKeepTheRegistersRowNumbers() throws Exception {
        List<String> csv = new ArrayList<>(Files.readAllLines(FOLLOW_UP, StandardCharsets.UTF_8));
        String commas = ",".repeat(23);
        csv.add(physicalLineOf(csv, 11), "");          // a blank row 11: the register's row 11 is now row 12
        csv.add(physicalLineOf(csv, 21), commas);      // a row of only commas as row 21
        csv.add(commas);                               // three at the end, as Excel leaves them
        csv.add(commas);
        csv.add(commas + ",");
        Path file = dir.resolve("with-blank-rows.csv");
        Files.write(file, csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(file, out, null, AS_OF, null, null, null);
        balanced(run, 209);
        assertEquals(5, run.skipped());
        assertEquals(2, run.errors(), "no phantom licence: only the two errors of the register as published");
        JsonNode manifest = Json.json().readTree(Audit.manifestPath(out).toFile());
        assertEquals(5, manifest.get("skippedRows").asLong());
        List<JsonNode> results = lines(out);
        List<JsonNode> published = lines(writePublished());
        for (int i = 0; i < published.size(); i++) {
            String id = published.get(i).path("projectId").asText(published.get(i).path("id").asText());
            int row = Integer.parseInt(id.substring(4, id.contains(" ") ? id.indexOf(' ') : id.length()));
            int expected = row + (row >= 11 ? 1 : 0) + (row >= 20 ? 1 : 0);
            String got = results.get(i).path("projectId").asText(results.get(i).path("id").asText());
            assertTrue(got.startsWith("row-" + expected + (id.contains(" ") ? " " : "")), "register row " + row + ": " + got);
            assertEquals(id.substring(id.indexOf(' ') + 1), got.substring(got.indexOf(' ') + 1), "the same licence");
        }
    }

    private Path writePublished() throws IOException {
        Path out = dir.resolve("published.ndjson");
        new Audit(Rules.assessor()).run(FOLLOW_UP, out, null, AS_OF, null, null, null);
        return out;
    }

    // A real SIGTERM and SIGINT to the audit command mid-run: cli/AuditCommandFaultsTest (the history and the report too).
}
