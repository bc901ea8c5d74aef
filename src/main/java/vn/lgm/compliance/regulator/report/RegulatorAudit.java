package vn.lgm.compliance.regulator.report;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** What the command asks for beyond the audit itself. */
    public record Request(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping,
                          Long compareWithRun, Integer horizonDays, Path reform, String lang, Set<String> formats) {
    }

    /** What came of it: the run, its stored id, and the report's model. */
    public record Outcome(RunInfo run, long runId, Map<String, Object> model, List<Path> written, long nonCompliant) {
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

    /** As above; {@code stop} ends the run early (a signal), with the output and manifest saying so. */
    public Outcome run(Request q, Consumer<AuditRunner.Result> progress, AuditRunner.Stop stop) throws IOException {
        // A reform is read before the run, so a bad patch stops the command before anything is written.
        Reform reform = q.reform() == null ? null : Reform.parse(Files.readString(q.reform()), assessor.rules().parameters());
        if (q.compareWithRun() != null && store.run(q.compareWithRun()) == null) {
            throw new IllegalArgumentException("no audit run " + q.compareWithRun() + " in the history (" + store.describe() + ")");
        }
        if (q.out().toAbsolutePath().getParent() != null) {
            Files.createDirectories(q.out().toAbsolutePath().getParent());
        }
        java.time.Instant started = java.time.Instant.now();
        RunRecorder recorder = new RunRecorder(store, q.in().getFileName().toString(), q.in().toString(),
                assessor.rules().version(), q.asOf(), q.compareAsOf(), started);
        Portfolio law = q.compareAsOf() == null ? null : new Portfolio(assessor.rules());
        Consumer<AuditRunner.Result> listener = recorder;
        if (law != null) {
            listener = listener.andThen(law);
        }
        if (progress != null) {
            listener = listener.andThen(progress);
        }
        // the full lines in the report's language, written by the same texts as the report and every other path
        String lang = ReportBuilder.language(q.lang(), q.in().toString());
        RunInfo run = new Audit(assessor).detail(detail).texts(texts.texts(), lang)
                .run(q.in(), q.out(), null, q.asOf(), q.compareAsOf(), q.mapping(), listener, stop);
        recorder.finish(run.inputSha256(), run.inputFormat(), run.started(), run.ended());
        long id = recorder.runId();
        Map<String, Object> model = report(id, lang, q.compareWithRun(), q.horizonDays(), reform, q.asOf());
        if (law != null) {
            model.put("lawComparison", lawComparison(law, q.compareAsOf(), run.lawAsOf(), "vi".equals(lang)));
        }
        List<Path> written = new ArrayList<>();
        if (q.report() != null) {
            written.addAll(write(q.report(), model, id, lang, q.formats()));
        }
        HistoryStore.Run stored = store.run(id);
        return new Outcome(run, id, model, written, stored.nonCompliant());
    }

    /** The report of a stored run, with the comparison (a run id, default the previous run of the register), forward look and reform. */
    public Map<String, Object> report(long runId, String lang, Long since, Integer horizonDays, Reform reform, LocalDate asOf) {
        HistoryStore.Run run = store.run(runId);
        if (run == null) {
            throw new IllegalArgumentException("no audit run " + runId);
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

    /** Writes FILE.html, FILE.json and FILE.xlsx (those of the formats asked for). */
    public List<Path> write(Path report, Map<String, Object> model, long runId, String lang, Set<String> formats) throws IOException {
        Path base = withoutExtension(report);
        if (base.getParent() != null) {
            Files.createDirectories(base.getParent());
        }
        List<Path> written = new ArrayList<>();
        Set<String> f = formats == null || formats.isEmpty() ? Set.of("html", "json", "xlsx") : formats;
        if (f.contains("html")) {
            Path p = base.resolveSibling(base.getFileName() + ".html");
            Files.writeString(p, ReportFiles.html(model));
            written.add(p);
        }
        if (f.contains("json")) {
            Path p = base.resolveSibling(base.getFileName() + ".json");
            Files.write(p, ReportFiles.json(model));
            written.add(p);
        }
        if (f.contains("xlsx")) {
            Path p = base.resolveSibling(base.getFileName() + ".xlsx");
            Files.write(p, ReportFiles.xlsx(model, store.records(runId), texts, lang));
            written.add(p);
        }
        return written;
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
        out.println("  " + String.join(" · ", verdicts));
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
        m.put("to", Labels.date(to, vi ? "vi" : "en"));
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
