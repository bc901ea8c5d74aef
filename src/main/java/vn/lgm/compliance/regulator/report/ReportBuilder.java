package vn.lgm.compliance.regulator.report;

import static vn.lgm.compliance.regulator.report.ReportWords.t;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.lgm.compliance.regulator.history.Changes;
import vn.lgm.compliance.regulator.history.HistoryJson;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.contract.model.Project;

/**
 * The report a department head reads, as plain data (maps and lists) that the HTML page, the JSON file and the
 * Excel workbook all render: a plain summary first, then the licences to act on grouped by what they break, then
 * what changed since the last audit, what comes due, what a draft reform would change, the charts, and the details.
 * Every text is in the report's language; rules are named by their titles and provisions written out, districts
 * and minerals normalised ({@link Names}).
 */
public final class ReportBuilder {

    /** The parts beyond the run itself, each optional. */
    public record Extras(Changes.Report changes, ForwardLook.Report due, Reform.Report reform) {
        public static final Extras NONE = new Extras(null, null, null);
    }

    private static final String[] VERDICTS = {"NON_COMPLIANT", "INCOMPLETE", "CONDITIONAL", "COMPLIANT"};
    private static final String[] COLOURS = {"#b3261e", "#b26a00", "#1f5fa8", "#2e7d32"};

    private ReportBuilder() {
    }

    /** "vi" for a register in Vietnamese (the Lào Cai registers, any CSV), else "en"; an explicit choice wins. */
    public static String language(String asked, String inputPath) {
        if (asked != null && !asked.isBlank()) {
            return asked.toLowerCase(Locale.ROOT).startsWith("vi") ? "vi" : "en";
        }
        return inputPath != null && inputPath.toLowerCase(Locale.ROOT).endsWith(".csv") ? "vi" : "en";
    }

    public static Map<String, Object> build(HistoryStore.Run run, List<HistoryStore.StoredRecord> records, RuleNames texts,
                                            String lang, Extras extras) {
        boolean vi = "vi".equals(lang);
        Names names = new Names();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("lang", lang);
        Map<String, String> words = new LinkedHashMap<>();
        for (String k : List.of("title", "register", "lawAsOf", "auditedOn", "summary", "act", "actNone", "licences", "licence",
                "mine", "holder", "district", "mineral", "expires", "note", "since", "sinceNone", "newlyNc", "resolved",
                "changedOther", "before", "now", "added", "removed", "newIn", "goneFrom", "due", "dueNone", "date", "what",
                "thenFindings", "reform", "parameter", "current", "draft", "reformNone", "charts", "verdicts", "provisions",
                "byDistrict", "byDistrictNote", "inBreach", "all", "details", "rulesTable", "rule", "provision", "violations",
                "obligations", "insufficient", "advisories", "byMineral", "byIssuer", "records", "errorsTitle", "row",
                "problems", "runTitle", "runId", "recordsIn", "assessed", "errors", "rulesVersion", "inputHash", "duration",
                "result", "change", "outcome")) {
            words.put(k, t(k, vi));
        }
        m.put("t", words);
        m.put("register", run.register());
        m.put("lawAsOf", run.lawAsOf() == null ? t("eachRecordsDate", vi) : run.lawAsOf().toString());
        m.put("auditedOn", run.started() == null ? "" : run.started().atZone(ZoneOffset.ofHours(7)).toLocalDate().toString());

        // Verdicts and per-rule counts.
        Map<String, Long> verdicts = new LinkedHashMap<>();
        for (String v : VERDICTS) {
            verdicts.put(v, 0L);
        }
        Map<String, long[]> byRule = new TreeMap<>();
        Map<String, List<Map<String, Object>>> violating = new HashMap<>();
        Map<String, long[]> byDistrict = new LinkedHashMap<>();
        Map<String, long[]> byMineral = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> mineralSpellings = new HashMap<>();
        Map<String, long[]> byIssuer = new LinkedHashMap<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        long assessed = 0;
        for (HistoryStore.StoredRecord r : records) {
            if (!r.ok()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("row", r.line());
                e.put("licence", r.licenceNumber() == null ? "" : r.licenceNumber());
                e.put("problems", problems(r.errorsJson()));
                errors.add(e);
                continue;
            }
            assessed++;
            verdicts.merge(r.verdict(), 1L, Long::sum);
            boolean nc = "NON_COMPLIANT".equals(r.verdict());
            Project p = HistoryJson.project(r.descriptionJson());
            String district = districtLabel(names.district(r.district()), vi);
            count(byDistrict, district, nc);
            String mk = Names.mineralKey(r.mineral());
            String shown = mk.isEmpty() ? t("notRecorded", vi) : Names.mineralShown(r.mineral());
            mineralSpellings.computeIfAbsent(mk, k -> new HashMap<>()).merge(shown, 1, Integer::sum);
            count(byMineral, mk, nc);
            String issuer = p.licence() == null || p.licence().issuedBy() == null ? t("notRecorded", vi) : t(p.licence().issuedBy().name(), vi);
            count(byIssuer, issuer, nc);
            // Per rule, the licences it found something in (each rule of a finding about one act); the licences to
            // act on, by the act's provisions: a licence is listed once for each act, not once per provision.
            Set<String> seen = new LinkedHashSet<>();
            for (HistoryStore.StoredFinding f : r.findings()) {
                for (String id : f.ruleIds()) {
                    if (seen.add(id + " " + f.outcome())) {
                        byRule.computeIfAbsent(id, k -> new long[4])[outcomeIndex(f.outcome())]++;
                    }
                }
                String act = String.join("+", f.ruleIds());
                if ("VIOLATION".equals(f.outcome()) && seen.add(act + " act")) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("licence", r.licenceNumber() == null ? r.key() : r.licenceNumber().split("\\s")[0]);
                    l.put("licenceFull", r.licenceNumber() == null ? r.key() : r.licenceNumber());
                    l.put("mine", nz(r.name()));
                    l.put("holder", nz(r.holder()));
                    l.put("district", district);
                    l.put("mineral", shown);
                    l.put("expires", r.expiresOn() == null ? "" : r.expiresOn().toString());
                    l.put("note", p.licence() == null || p.licence().note() == null ? "" : p.licence().note().replace('\n', ' '));
                    violating.computeIfAbsent(act, k -> new ArrayList<>()).add(l);
                }
            }
        }
        long nonCompliant = verdicts.get("NON_COMPLIANT");

        // Licences to act on, grouped by the act they commit (its most specific rule's title, every provision it
        // breaks), most licences first.
        List<Map<String, Object>> act = new ArrayList<>();
        violating.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Map<String, Object>>> e) -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    Map<String, Object> g = new LinkedHashMap<>();
                    List<String> ids = List.of(e.getKey().split("\\+"));
                    g.put("title", texts.title(ids.get(0), lang));
                    g.put("provision", String.join("; ", ids.stream().map(id -> texts.provision(id, lang)).toList()));
                    g.put("count", e.getValue().size());
                    g.put("licences", e.getValue());
                    act.add(g);
                });
        m.put("act", act);

        // The plain summary.
        List<String> summary = new ArrayList<>();
        summary.add(nonCompliant > 0 ? String.format(t("breakLaw", vi), nonCompliant, assessed) : String.format(t("noneBreak", vi), assessed));
        act.stream().limit(6).forEach(g -> summary.add(String.format(t("topBreach", vi), (Integer) g.get("count"), g.get("title"))));
        if (verdicts.get("INCOMPLETE") > 0) {
            summary.add(String.format(t("incomplete", vi), verdicts.get("INCOMPLETE")));
        }
        summary.add(String.format(t("conditional", vi), verdicts.get("CONDITIONAL"), verdicts.get("COMPLIANT")));
        if (!errors.isEmpty()) {
            summary.add(String.format(t("unreadable", vi), errors.size()));
        }
        Extras x = extras == null ? Extras.NONE : extras;
        if (x.changes() != null) {
            summary.add(String.format(t("sinceSummary", vi), x.changes().sinceRunId(), x.changes().sinceAuditedOn(), x.changes().newlyNonCompliant().size(),
                    x.changes().resolved().size(), x.changes().changed().size()));
        }
        if (x.due() != null) {
            long expiring = x.due().due().stream().filter(d -> ForwardLook.EXPIRY.equals(d.event())).count();
            long licences = x.due().due().stream().map(ForwardLook.Due::licence).distinct().count();
            summary.add(String.format(t("dueSummary", vi), x.due().horizonDays(), x.due().until(), licences, expiring));
        }
        if (x.reform() != null) {
            summary.add(String.format(t("reformSummary", vi), x.reform().changed().size(), x.reform().records()));
        }
        m.put("summary", summary);

        // Since the last audit, coming due, reform.
        m.put("changes", x.changes() == null ? null : changes(x.changes(), vi));
        m.put("due", x.due() == null ? null : due(x.due(), vi, names));
        m.put("reform", x.reform() == null ? null : reform(x.reform(), vi));
        m.put("lawComparison", null);

        // Charts.
        long total = Math.max(1, assessed);
        List<Map<String, Object>> verdictBars = new ArrayList<>();
        for (int i = 0; i < VERDICTS.length; i++) {
            long n = verdicts.get(VERDICTS[i]);
            Map<String, Object> b = bar(t(VERDICTS[i], vi), n, total);
            b.put("colour", COLOURS[i]);
            b.put("share", Math.round(1000.0 * n / total) / 10.0);
            verdictBars.add(b);
        }
        // The stacked bar of the verdicts, as SVG rectangles (x and width in percent of the bar).
        double xAt = 0;
        for (Map<String, Object> b : verdictBars) {
            double w = 100.0 * (Long) b.get("value") / total;
            b.put("x", String.format(Locale.ROOT, "%.2f", xAt));
            b.put("w", String.format(Locale.ROOT, "%.2f", w));
            xAt += w;
        }
        m.put("verdictBars", verdictBars);
        Map<String, long[]> byProvision = new LinkedHashMap<>();
        Map<String, String> provisionLabel = new HashMap<>();
        byRule.forEach((id, c) -> {
            if (c[0] > 0) {
                String key = texts.provisionKey(id);
                byProvision.computeIfAbsent(key, k -> new long[1])[0] += c[0];   // the licences the rule found in breach
                provisionLabel.merge(key, texts.title(id, lang) + " — " + texts.provision(id, lang), (a, b) -> a);
            }
        });
        long maxP = byProvision.values().stream().mapToLong(v -> v[0]).max().orElse(1);
        List<Map<String, Object>> provisionBars = new ArrayList<>();
        byProvision.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparing(Map.Entry::getKey)).limit(10)
                .forEach(e -> provisionBars.add(bar(provisionLabel.get(e.getKey()), e.getValue()[0], maxP)));
        m.put("provisionBars", provisionBars);
        long maxD = byDistrict.values().stream().mapToLong(v -> v[0]).max().orElse(1);
        List<Map<String, Object>> districtBars = new ArrayList<>();
        sortedGroups(byDistrict).forEach(e -> {
            Map<String, Object> b = bar(e.getKey(), e.getValue()[0], maxD);
            b.put("nonCompliant", e.getValue()[1]);
            b.put("ncPct", Math.round(100.0 * e.getValue()[1] / Math.max(1, maxD)));
            districtBars.add(b);
        });
        m.put("districtBars", districtBars);

        // Details.
        List<Map<String, Object>> rules = new ArrayList<>();
        byRule.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] + e.getValue()[3]).reversed())
                .thenComparing(Map.Entry::getKey)).forEach(e -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("title", texts.title(e.getKey(), lang));
                    r.put("provision", texts.provision(e.getKey(), lang));
                    r.put("violations", e.getValue()[0]);
                    r.put("obligations", e.getValue()[1]);
                    r.put("insufficient", e.getValue()[2]);
                    r.put("advisories", e.getValue()[3]);
                    rules.add(r);
                });
        m.put("rules", rules);
        List<Map<String, Object>> minerals = new ArrayList<>();
        sortedGroups(byMineral).forEach(e -> minerals.add(group(mostFrequent(mineralSpellings.get(e.getKey())), e.getValue())));
        m.put("byMineral", minerals);
        List<Map<String, Object>> issuers = new ArrayList<>();
        sortedGroups(byIssuer).forEach(e -> issuers.add(group(e.getKey(), e.getValue())));
        m.put("byIssuer", issuers);
        List<Map<String, Object>> districts = new ArrayList<>();
        sortedGroups(byDistrict).forEach(e -> districts.add(group(e.getKey(), e.getValue())));
        m.put("byDistrict", districts);
        m.put("errorRecords", errors);
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("runId", run.id());
        about.put("records", run.records());
        about.put("assessed", run.assessed());
        about.put("errors", run.errors());
        about.put("rulesVersion", run.rulesVersion());
        about.put("inputSha256", run.inputSha256());
        about.put("durationSeconds", run.durationMs() == null ? null : run.durationMs() / 1000.0);
        m.put("run", about);
        m.put("verdictCounts", verdicts);
        return m;
    }

    private static Map<String, Object> changes(Changes.Report c, boolean vi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intro", String.format(t("sinceIntro", vi), c.sinceRunId(), c.sinceAuditedOn(), c.sinceRegister(), c.sinceLawAsOf()));
        m.put("sinceRunId", c.sinceRunId());
        m.put("newlyNonCompliant", licenceChanges(c.newlyNonCompliant(), vi));
        m.put("resolved", licenceChanges(c.resolved(), vi));
        m.put("changed", licenceChanges(c.changed(), vi));
        List<Map<String, Object>> groups = new ArrayList<>();
        String[][] parts = {{"newlyNc", "newlyNonCompliant"}, {"resolved", "resolved"}, {"changedOther", "changed"}};
        for (String[] part : parts) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rows = (List<Map<String, Object>>) m.get(part[1]);
            if (!rows.isEmpty()) {
                groups.add(Map.of("heading", t(part[0], vi), "rows", rows));
            }
        }
        m.put("groups", groups);
        m.put("newInRegister", c.newInRegister());
        m.put("goneFromRegister", c.goneFromRegister());
        m.put("count", c.all().size());
        return m;
    }

    private static List<Map<String, Object>> licenceChanges(List<Changes.LicenceChange> list, boolean vi) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Changes.LicenceChange c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("licence", c.licence());
            m.put("licenceShown", shortLicence(c.licence()));
            m.put("mine", nz(c.name()));
            m.put("holder", nz(c.holder()));
            m.put("before", c.verdictBefore() == null ? t("ERROR", vi) : t(c.verdictBefore(), vi));
            m.put("now", c.verdictAfter() == null ? t("ERROR", vi) : t(c.verdictAfter(), vi));
            m.put("added", findingTexts(c.added(), vi));
            m.put("removed", findingTexts(c.removed(), vi));
            out.add(m);
        }
        return out;
    }

    private static List<String> findingTexts(List<Changes.FindingChange> list, boolean vi) {
        List<String> out = new ArrayList<>();
        for (Changes.FindingChange f : list) {
            if ("UNREADABLE".equals(f.ruleId())) {
                out.add(t("unreadableFinding", vi));
            } else {
                out.add(f.title() + " (" + t(f.outcome(), vi) + ") — " + f.provision());
            }
        }
        return out;
    }

    private static Map<String, Object> due(ForwardLook.Report d, boolean vi, Names names) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intro", String.format(t("dueIntro", vi), d.asOf(), d.until()));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ForwardLook.Due x : d.due()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("date", x.date().toString());
            r.put("licence", x.licence());
            r.put("licenceShown", shortLicence(x.licence()));
            r.put("mine", nz(x.name()));
            r.put("holder", nz(x.holder()));
            r.put("district", districtLabel(names.district(x.district()), vi));
            r.put("what", t(ForwardLook.EXPIRY.equals(x.event()) ? "expiry" : "lawChange", vi));
            List<String> f = findingTexts(x.findings(), vi);
            r.put("findings", f.isEmpty() ? List.of(t("nothingNew", vi)) : f);
            rows.add(r);
        }
        m.put("rows", rows);
        return m;
    }

    private static Map<String, Object> reform(Reform.Report r, boolean vi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", r.title());
        m.put("patches", r.patches());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Reform.RecordChange c : r.changed()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("licence", c.licence());
            x.put("licenceShown", shortLicence(c.licence()));
            x.put("mine", nz(c.name()));
            x.put("holder", nz(c.holder()));
            x.put("before", t(c.verdictNow(), vi));
            x.put("now", t(c.verdictDraft(), vi));
            x.put("added", findingTexts(c.added(), vi));
            x.put("removed", findingTexts(c.removed(), vi));
            rows.add(x);
        }
        m.put("rows", rows);
        m.put("byRule", r.byRule());
        m.put("records", r.records());
        return m;
    }

    static String districtLabel(String d, boolean vi) {
        return switch (d) {
            case Names.NOT_RECORDED -> t("notRecorded", vi);
            case Names.OUTSIDE -> t("outside", vi);
            case Names.NOT_MATCHED -> t("notMatched", vi);
            default -> d;
        };
    }

    private static List<String> problems(String errorsJson) {
        List<String> out = new ArrayList<>();
        try {
            for (var n : HistoryJson.mapper().readTree(errorsJson == null ? "[]" : errorsJson)) {
                String path = n.path("path").asText("");
                out.add((path.isEmpty() || path.equals("$") ? "" : path + ": ") + n.path("message").asText(""));
            }
        } catch (java.io.IOException e) {
            out.add(errorsJson);
        }
        return out;
    }

    private static void count(Map<String, long[]> groups, String key, boolean nc) {
        long[] c = groups.computeIfAbsent(key, k -> new long[2]);
        c[0]++;
        if (nc) {
            c[1]++;
        }
    }

    private static List<Map.Entry<String, long[]>> sortedGroups(Map<String, long[]> groups) {
        return groups.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
                .thenComparing(Map.Entry::getKey)).toList();
    }

    private static Map<String, Object> group(String name, long[] c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("records", c[0]);
        m.put("nonCompliant", c[1]);
        return m;
    }

    private static Map<String, Object> bar(String label, long value, long max) {
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("label", label);
        b.put("value", value);
        b.put("pct", Math.round(100.0 * value / Math.max(1, max)));
        return b;
    }

    private static String mostFrequent(Map<String, Integer> spellings) {
        return spellings.entrySet().stream().max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry::getKey,
                Comparator.reverseOrder())).map(Map.Entry::getKey).orElse("");
    }

    private static int outcomeIndex(String outcome) {
        return switch (outcome) {
            case "VIOLATION" -> 0;
            case "OBLIGATION" -> 1;
            case "INSUFFICIENT_INFORMATION" -> 2;
            default -> 3;
        };
    }

    /** "1015/GP-UBND" of "1015/GP-UBND (QĐ điều chỉnh …)": the number as a column shows it (the whole text in its title). */
    static String shortLicence(String licence) {
        return licence == null ? "" : licence.strip().split("\\s")[0];
    }

    private static String nz(String s) {
        return s == null ? "" : s.replace('\n', ' ').strip();
    }
}
