package vn.lgm.compliance.regulator.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import vn.lgm.compliance.regulator.audit.Audit;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.Portfolio;
import vn.lgm.compliance.regulator.audit.RecordSource;
import vn.lgm.compliance.regulator.audit.RunInfo;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.history.Changes;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.regulator.history.RunRecorder;

/**
 * An audit as a regulator runs it: the register audited by the one runner ({@link Audit}), every record stored in
 * the audit history as it is written, then the report built from the stored run — what changed since the last
 * audit of the same register (or a chosen run), what comes due within the horizon, what a draft reform would
 * change — and written as HTML, JSON and an Excel workbook. Used by the {@code audit} command; the service builds
 * the same report from the store.
 */
public final class RegulatorAudit {

    /**
     * What the command asks for beyond the audit itself. {@code register} names the series of audits this run
     * belongs to (null: the input's file name); runs are compared with earlier runs of the same name and kind.
     */
    public record Request(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping,
                          Long compareWithRun, Integer horizonDays, Path reform, String lang, Set<String> formats,
                          String register) {

        public Request(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping,
                       Long compareWithRun, Integer horizonDays, Path reform, String lang, Set<String> formats) {
            this(in, out, report, asOf, compareAsOf, mapping, compareWithRun, horizonDays, reform, lang, formats, null);
        }
    }

    /**
     * What came of it: the run, its stored id and what the history holds of it, and — for a complete run the
     * history recorded — the report's model and the files written (otherwise no model and no files). A report
     * that could not be made after a complete, recorded run leaves the run as it is and says why in
     * {@code reportProblem}.
     */
    public record Outcome(RunInfo run, long runId, RunRecorder.Recorded recorded, Map<String, Object> model,
                          List<Path> written, long nonCompliant, String reportProblem) {

        /** The department report was made: the run is complete and the history holds all of it. */
        public boolean reported() {
            return model != null;
        }
    }

    /** A run that had started and failed before it could end (e.g. its output could not be moved into place). */
    public static final class RunFailed extends RuntimeException {
        private final long runId;

        RunFailed(long runId, String message, Throwable cause) {
            super(message, cause);
            this.runId = runId;
        }

        public long runId() {
            return runId;
        }
    }

    private final Assessor assessor;
    private final HistoryStore store;
    private final RuleNames texts;

    public RegulatorAudit(Assessor assessor, HistoryStore store) {
        this.assessor = assessor;
        this.store = store;
        this.texts = new RuleNames(assessor.rules());
    }

    private vn.lgm.compliance.regulator.audit.LeanWriter.Detail detail;

    /** Lean or full output lines (null: by the input's size, {@link vn.lgm.compliance.regulator.audit.Audit#detailFor}). */
    public RegulatorAudit detail(vn.lgm.compliance.regulator.audit.LeanWriter.Detail detail) {
        this.detail = detail;
        return this;
    }

    public Outcome run(Request q, Consumer<AuditRunner.Result> progress) throws IOException {
        return run(q, progress, new AuditRunner.Stop());
    }

    /**
     * Audits the register and stores it. Everything that can refuse the run is checked before it starts — the
     * reform patch, the run to compare with, the input and its register, and a history that can be written (the
     * run's first row): a refusal stores nothing and writes nothing. {@code stop} ends the run early (a signal):
     * the output, the manifest and the history then say it was interrupted and how far it got, and no report is
     * written. A history that fails during the run does not stop it: the manifest says the run was not recorded.
     */
    public Outcome run(Request q, Consumer<AuditRunner.Result> progress, AuditRunner.Stop stop) throws IOException {
        // A reform is read before the run, so a bad patch stops the command before anything is written.
        Reform reform = q.reform() == null ? null : Reform.parse(Files.readString(q.reform()), assessor.rules().parameters());
        if (q.compareWithRun() != null && store.run(q.compareWithRun()) == null) {
            throw new IllegalArgumentException("no audit run " + q.compareWithRun() + " in the history (" + store.describe() + ")");
        }
        store.markAbandonedRuns();
        RunRecorder[] recorder = new RunRecorder[1];
        RunRecorder.Recorded[] recorded = new RunRecorder.Recorded[1];
        String register = q.register() == null || q.register().isBlank() ? q.in().getFileName().toString() : q.register().strip();
        Portfolio law = q.compareAsOf() == null ? null : new Portfolio(assessor.rules());
        Consumer<AuditRunner.Result> listener = r -> recorder[0].accept(r);
        if (law != null) {
            listener = listener.andThen(law);
        }
        if (progress != null) {
            listener = listener.andThen(progress);
        }
        // the full lines in the report's language, written by the same texts as the report and every other path
        String lang = ReportBuilder.language(q.lang(), q.in().toString());
        Audit audit = new Audit(assessor).detail(detail).texts(texts.texts(), lang).hooks(new Audit.Hooks() {
            @Override
            public void opened(RecordSource source) {
                // The history's first write: a history that cannot be written refuses the run here, before it starts.
                recorder[0] = new RunRecorder(store, new HistoryStore.RunStart(register, true, source.kind(),
                        q.in().toString(), source.describe(), assessor.rules().version(), q.asOf(), q.compareAsOf(),
                        Instant.now(), source.conventions()));
            }

            @Override
            public Map<String, Object> ended(RunInfo run) {
                HistoryStore.State state = run.complete() ? HistoryStore.State.COMPLETE
                        : run.ending() == AuditRunner.Ending.STOPPED ? HistoryStore.State.INTERRUPTED : HistoryStore.State.FAILED;
                String why = run.complete() ? null : run.stopped() != null ? run.stopped()
                        : run.balanced() ? "the input was not read to its end" : "records in != assessed + errors";
                recorded[0] = recorder[0].finish(state, why, run.inputSha256(), run.ended(), run.records(), run.skipped(),
                        run.warnings());
                return Map.of("history", historyManifest(recorded[0]));
            }
        });
        RunInfo run;
        try {
            run = audit.run(q.in(), q.out(), null, q.asOf(), q.compareAsOf(), q.mapping(), listener, stop);
        } catch (IOException | RuntimeException e) {
            if (recorder[0] == null || recorded[0] != null) {
                throw e; // refused before the run started: nothing was stored
            }
            // The run had started and failed before it could end: closed FAILED with what it stored.
            String why = "the audit failed before it ended: " + (e.getMessage() == null ? e.toString() : e.getMessage());
            recorded[0] = recorder[0].abandon(HistoryStore.State.FAILED, why);
            throw new RunFailed(recorded[0].runId(), why, e);
        }
        long id = recorded[0].runId();
        if (!run.complete() || !recorded[0].recorded()) {
            return new Outcome(run, id, recorded[0], null, List.of(), 0, null);
        }
        try {
            Map<String, Object> model = report(id, lang, q.compareWithRun(), q.horizonDays(), reform, q.asOf());
            if (law != null) {
                model.put("lawComparison", lawComparison(law, q.compareAsOf(), run.lawAsOf(), "vi".equals(lang)));
            }
            List<Path> written = new ArrayList<>();
            if (q.report() != null) {
                written.addAll(write(q.report(), model, id, lang, q.formats()));
            }
            HistoryStore.Run stored = store.run(id);
            return new Outcome(run, id, recorded[0], model, written, stored.nonCompliant(), null);
        } catch (RuntimeException | IOException e) {
            // The run is complete and stored: a report that cannot be made does not undo it.
            return new Outcome(run, id, recorded[0], null, List.of(), 0, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** The manifest's "history": the run's id and whether the history holds all of it. */
    private static Map<String, Object> historyManifest(RunRecorder.Recorded r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runId", r.runId());
        m.put("recorded", r.recorded());
        m.put("state", r.state().name());
        m.put("problem", r.problem());
        return m;
    }

    /**
     * The report of a stored run, with the comparison (a run id, default the previous complete run of the same
     * register), forward look and reform. A run that did not complete is refused ({@link HistoryStore.IncompleteRun}); a
     * comparison asked, by id, with a run that did not complete is made, and the report says so at its top.
     */
    public Map<String, Object> report(long runId, String lang, Long since, Integer horizonDays, Reform reform, LocalDate asOf) {
        HistoryStore.Run run = store.run(runId);
        if (run == null) {
            throw new IllegalArgumentException("no audit run " + runId);
        }
        if (!run.complete()) {
            throw new HistoryStore.IncompleteRun(run, "a report");
        }
        List<HistoryStore.StoredRecord> records = store.records(runId);
        Long sinceId = since;
        if (sinceId == null) {
            HistoryStore.Run previous = store.previousRun(runId);
            sinceId = previous == null ? null : previous.id();
        }
        Changes.Report changes = sinceId == null ? null : Changes.between(store, runId, sinceId, texts, lang);
        ForwardLook.Report due = null;
        if (horizonDays != null) {
            LocalDate from = asOf != null ? asOf : run.lawAsOf() != null ? run.lawAsOf() : LocalDate.now(Assessor.VIETNAM);
            due = ForwardLook.scan(assessor, records, from, horizonDays, texts, lang);
        }
        Reform.Report reformed = reform == null ? null : reform.simulate(assessor, records, texts, lang);
        return ReportBuilder.build(run, records, texts, lang, new ReportBuilder.Extras(changes, due, reformed));
    }

    /** A draft reform simulated on a stored run; a run that did not complete is refused ({@link HistoryStore.IncompleteRun}). */
    public Reform.Report reform(long runId, Reform reform, String lang) {
        HistoryStore.Run run = store.run(runId);
        if (run == null) {
            throw new IllegalArgumentException("no audit run " + runId);
        }
        if (!run.complete()) {
            throw new HistoryStore.IncompleteRun(run, "a reform simulation");
        }
        return reform.simulate(assessor, store.records(runId), texts, lang);
    }

    /** The report file being written now (its temporary name), for {@link #discardReportBeingWritten}. */
    private volatile Path writing;

    /**
     * Writes FILE.html, FILE.json and FILE.xlsx (those of the formats asked for). Each file is written under a
     * temporary name beside it and moved into place whole, so a report file is never seen half-written.
     */
    public List<Path> write(Path report, Map<String, Object> model, long runId, String lang, Set<String> formats) throws IOException {
        Path base = withoutExtension(report);
        if (base.getParent() != null) {
            Files.createDirectories(base.getParent());
        }
        List<Path> written = new ArrayList<>();
        Set<String> f = formats == null || formats.isEmpty() ? Set.of("html", "json", "xlsx") : formats;
        if (f.contains("html")) {
            written.add(writeWhole(base.resolveSibling(base.getFileName() + ".html"),
                    ReportFiles.html(model).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        if (f.contains("json")) {
            written.add(writeWhole(base.resolveSibling(base.getFileName() + ".json"), ReportFiles.json(model)));
        }
        if (f.contains("xlsx")) {
            written.add(writeWhole(base.resolveSibling(base.getFileName() + ".xlsx"),
                    ReportFiles.xlsx(model, store.records(runId), texts, lang)));
        }
        return written;
    }

    private Path writeWhole(Path file, byte[] bytes) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".writing");
        writing = tmp;
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
            writing = null;
        }
        return file;
    }

    /** Deletes the report file being written, if any (the process is about to end at once: a signal). */
    public void discardReportBeingWritten() {
        Path p = writing;
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // nothing more can be done on the way out
            }
        }
    }

    /** The console summary printed at the end of the command. */
    @SuppressWarnings("unchecked")
    public static void printSummary(PrintStream out, Outcome o) {
        Map<String, Object> m = o.model();
        boolean vi = "vi".equals(m.get("lang"));
        Map<String, Long> v = (Map<String, Long>) m.get("verdictCounts");
        out.printf(vi ? "Lần rà soát số %d: %s%n" : "Audit %d: %s%n", o.runId(), m.get("register"));
        out.printf(vi ? "  bản ghi đọc %d = đã rà soát %d + không đọc được %d%s%n" : "  records in %d = assessed %d + errors %d%s%n",
                o.run().records(), o.run().assessed(), o.run().errors(), o.run().balanced() ? "" : "  (NOT BALANCED)");
        List<String> verdicts = new ArrayList<>();
        v.forEach((k, n) -> verdicts.add(ReportWords.t(k, vi) + " " + n));
        out.println("  " + ReportWords.t("byResult", vi) + ": " + String.join(" · ", verdicts));
        for (String s : (List<String>) m.get("summary")) {
            out.println("  - " + s);
        }
        if (!o.written().isEmpty()) {
            List<String> names = new ArrayList<>();
            o.written().forEach(p -> names.add(p.toString()));
            out.println((vi ? "  Báo cáo: " : "  Report: ") + String.join(", ", names));
        }
    }

    private Map<String, Object> lawComparison(Portfolio p, LocalDate from, LocalDate to, boolean vi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", Labels.date(from, vi ? "vi" : "en"));
        m.put("to", to == null ? ReportWords.t("eachRecordsDate", vi) : Labels.date(to, vi ? "vi" : "en"));
        List<Map<String, Object>> appeared = new ArrayList<>();
        List<Map<String, Object>> disappeared = new ArrayList<>();
        String lang = vi ? "vi" : "en";
        for (Portfolio.Change c : p.appeared()) {
            appeared.add(Map.of("title", texts.title(c.ruleId, lang), "provision", texts.provision(c.ruleId, lang),
                    "outcome", ReportWords.t(c.outcome, vi), "records", c.records));
        }
        for (Portfolio.Change c : p.disappeared()) {
            disappeared.add(Map.of("title", texts.title(c.ruleId, lang), "provision", texts.provision(c.ruleId, lang),
                    "outcome", ReportWords.t(c.outcome, vi), "records", c.records));
        }
        m.put("heading", String.format(ReportWords.t("lawCmp", vi), m.get("to"), m.get("from")));
        m.put("parts", List.of(Map.of("heading", ReportWords.t("appeared", vi), "rows", appeared),
                Map.of("heading", ReportWords.t("disappeared", vi), "rows", disappeared)));
        return m;
    }

    static Path withoutExtension(Path p) {
        String name = p.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        for (String ext : List.of(".html", ".json", ".xlsx", ".htm")) {
            if (lower.endsWith(ext)) {
                return p.resolveSibling(name.substring(0, name.length() - ext.length()));
            }
        }
        return p;
    }
}
