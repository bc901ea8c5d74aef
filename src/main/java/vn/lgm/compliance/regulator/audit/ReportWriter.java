package vn.lgm.compliance.regulator.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.qute.Template;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.texts.HtmlTemplates;

/**
 * Writes the portfolio report as JSON and as a self-contained HTML page (Qute template
 * {@code audit/report.html} on the class path, inline SVG charts, no script, font or stylesheet fetched), and the
 * run manifest. The HTML and the JSON are built from the same model.
 */
public final class ReportWriter {

    private static final Template TEMPLATE = HtmlTemplates.load("/regulator/audit-report.html");

    private ReportWriter() {
    }

    /** The report as plain data (maps and lists): what the JSON file holds and the template reads. */
    public static Map<String, Object> model(Portfolio p, RunInfo run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", manifest(run));
        Map<String, Long> verdicts = new LinkedHashMap<>();
        p.verdicts().forEach((v, n) -> verdicts.put(v.name(), n));
        m.put("verdicts", verdicts);
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Portfolio.RuleCount c : p.rulesByViolations()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ruleId", c.ruleId);
            r.put("title", c.title);
            r.put("citation", c.citation);
            r.put("provisions", c.provisions);
            r.put("violations", c.count(Outcome.VIOLATION));
            r.put("obligations", c.count(Outcome.OBLIGATION));
            r.put("insufficientInformation", c.count(Outcome.INSUFFICIENT_INFORMATION));
            r.put("advisories", c.count(Outcome.ADVISORY));
            r.put("violatingRecords", c.violating);
            r.put("violatingRecordsListed", c.violating.size() + (c.violations() > c.violating.size() ? " of " + c.violations() : ""));
            rules.add(r);
        }
        m.put("rules", rules);
        m.put("provisions", p.provisionsByViolations());
        m.put("byProvince", groups(p.byProvince()));
        m.put("byDistrict", groups(p.byDistrict()));
        m.put("byMineral", groups(p.byMineral()));
        m.put("byIssuer", groups(p.byIssuer()));
        m.put("errorRecords", p.errorRecords());
        m.put("amendmentImpact", null);
        if (run.compareAsOf() != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("from", run.compareAsOf());
            a.put("to", run.lawAsOf());
            a.put("appeared", changes(p.appeared(), p));
            a.put("disappeared", changes(p.disappeared(), p));
            m.put("amendmentImpact", a);
        }
        return m;
    }

    public static Map<String, Object> manifest(RunInfo run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("input", run.input());
        m.put("inputSha256", run.inputSha256());
        m.put("inputFormat", run.inputFormat());
        m.put("registerKind", run.kind());
        m.put("rulesVersion", run.rulesVersion());
        // A date, or null: each record's own assessmentDate (today where it has none).
        m.put("lawAsOf", run.lawAsOf() == null ? null : run.lawAsOf().toString());
        m.put("compareAsOf", run.compareAsOf() == null ? null : run.compareAsOf().toString());
        m.put("started", run.started().toString());
        m.put("ended", run.ended().toString());
        m.put("records", run.records());
        m.put("assessed", run.assessed());
        m.put("errors", run.errors());
        m.put("skippedRows", run.skipped());
        m.put("balanced", run.balanced());
        m.put("readToEnd", run.readToEnd());
        m.put("complete", run.complete());
        m.put("stopped", run.stopped());
        m.put("warnings", run.warnings());
        m.put("durationSeconds", Math.round(run.seconds() * 1000) / 1000.0);
        m.put("recordsPerSecond", Math.round(run.recordsPerSecond()));
        return m;
    }

    private static List<Map<String, Object>> groups(List<Portfolio.Group> groups) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Portfolio.Group g : groups) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", g.name);
            m.put("records", g.records);
            m.put("nonCompliant", g.nonCompliant);
            m.put("violations", g.violations);
            out.add(m);
        }
        return out;
    }

    private static List<Map<String, Object>> changes(List<Portfolio.Change> changes, Portfolio p) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Portfolio.Change c : changes) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", c.ruleId);
            m.put("title", p.title(c.ruleId));
            m.put("outcome", c.outcome);
            m.put("provisions", c.provisions);
            m.put("records", c.records);
            m.put("examples", c.examples);
            out.add(m);
        }
        return out;
    }

    public static void writeJson(Path file, Object model) throws IOException {
        Json.json().writerWithDefaultPrettyPrinter().writeValue(file.toFile(), model);
    }

    @SuppressWarnings("unchecked")
    public static void writeHtml(Path file, Map<String, Object> model) throws IOException {
        Map<String, Object> data = new LinkedHashMap<>(model);
        Map<String, Long> verdicts = (Map<String, Long>) model.get("verdicts");
        long total = Math.max(1, verdicts.values().stream().mapToLong(Long::longValue).sum());
        List<Map<String, Object>> verdictBars = new ArrayList<>();
        String[] colours = {"#b3261e", "#b26a00", "#1f5fa8", "#2e7d32"};
        int i = 0;
        for (Map.Entry<String, Long> e : verdicts.entrySet()) {
            verdictBars.add(bar(e.getKey(), e.getValue(), total, i, colours[i], 170));
            i++;
        }
        data.put("verdictBars", verdictBars);
        data.put("verdictChartHeight", 24 * verdictBars.size() + 10);
        List<Map<String, Object>> provisions = ((List<Map<String, Object>>) model.get("provisions")).stream()
                .filter(p -> ((Long) p.get("violations")) > 0).limit(10).toList();
        long maxP = Math.max(1, provisions.stream().mapToLong(p -> (Long) p.get("violations")).max().orElse(1));
        List<Map<String, Object>> provisionBars = new ArrayList<>();
        for (int k = 0; k < provisions.size(); k++) {
            provisionBars.add(bar(shorten((String) provisions.get(k).get("provision")), (Long) provisions.get(k).get("violations"),
                    maxP, k, "#b3261e", 440));
        }
        data.put("provisionBars", provisionBars);
        data.put("provisionChartHeight", 24 * provisionBars.size() + 10);
        List<Map<String, Object>> districts = ((List<Map<String, Object>>) model.get("byDistrict")).stream().limit(15).toList();
        long maxD = Math.max(1, districts.stream().mapToLong(d -> (Long) d.get("records")).max().orElse(1));
        List<Map<String, Object>> districtBars = new ArrayList<>();
        for (int k = 0; k < districts.size(); k++) {
            Map<String, Object> b = bar((String) districts.get(k).get("name"), (Long) districts.get(k).get("records"), maxD, k, "#9aa7b4", 200);
            long nc = (Long) districts.get(k).get("nonCompliant");
            b.put("ncWidth", Math.round(360.0 * nc / maxD));
            b.put("nonCompliant", nc);
            districtBars.add(b);
        }
        data.put("districtBars", districtBars);
        data.put("districtChartHeight", 24 * districtBars.size() + 10);
        Files.writeString(file, TEMPLATE.data(data).render(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> bar(String label, long value, long max, int index, String colour, int x) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("label", label);
        b.put("value", value);
        b.put("width", Math.round(360.0 * value / max));
        b.put("y", 24 * index + 4);
        b.put("textX", x + Math.round(360.0 * value / max) + 6);
        b.put("textY", 24 * index + 19);
        b.put("colour", colour);
        return b;
    }

    private static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }

}
