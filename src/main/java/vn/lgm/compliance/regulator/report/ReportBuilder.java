package vn.lgm.compliance.regulator.report;

import static vn.lgm.compliance.regulator.report.ReportWords.t;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.lgm.compliance.regulator.audit.ColumnMapping;
import vn.lgm.compliance.regulator.history.Changes;
import vn.lgm.compliance.regulator.history.HistoryJson;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.Labels;
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
        Tally tally = new Tally(records);
        Extras x = extras == null ? Extras.NONE : extras;
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
                "result", "change", "outcome", "actEmpty", "actEmptyIntro", "reading", "fromEmpty", "skippedRows")) {
            words.put(k, t(k, vi));
        }
        m.put("t", words);
        m.put("register", clean(run.register()));
        // A date, or null where each record's own date was applied; the page shows lawAsOfShown.
        m.put("lawAsOf", run.lawAsOf());
        m.put("lawAsOfShown", run.lawAsOf() == null ? t("eachRecordsDate", vi) : Labels.date(run.lawAsOf(), lang));
        m.put("auditedOn", run.started() == null ? "" : Labels.date(run.started().atZone(ZoneOffset.ofHours(7)).toLocalDate(), lang));
        // What the reader must know before anything else: a comparison with a run that did not complete.
        List<String> notices = new ArrayList<>();
        if (x.changes() != null && x.changes().notice() != null) {
            notices.add(String.format(t("sinceIncomplete", vi), x.changes().sinceRunId(), t(x.changes().sinceState().name(), vi),
                    x.changes().sinceRecords()));
        }
        m.put("notices", notices);

        // Groups and the licences to act on; the counts are the tally's.
        Map<String, List<Map<String, Object>>> violating = new HashMap<>();
        Map<String, List<Map<String, Object>>> violatingOnEmpty = new HashMap<>();
        Map<String, long[]> byDistrict = new LinkedHashMap<>();
        Map<String, long[]> byMineral = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> mineralSpellings = new HashMap<>();
        Map<String, long[]> byIssuer = new LinkedHashMap<>();
        List<Map<String, Object>> errors = new ArrayList<>();
        for (HistoryStore.StoredRecord r : records) {
            if (!r.ok()) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("row", r.line());
                e.put("licence", r.licenceNumber() == null ? "" : clean(r.licenceNumber()));
                e.put("problems", problems(r.errorsJson()));
                errors.add(e);
                continue;
            }
            boolean nc = "NON_COMPLIANT".equals(r.verdict());
            Project p = HistoryJson.project(r.descriptionJson());
            String district = districtLabel(names.district(r.district()), vi);
            count(byDistrict, district, nc);
            String mk = Names.mineralKey(r.mineral());
            String shown = mk.isEmpty() ? t("notRecorded", vi) : clean(Names.mineralShown(r.mineral()));
            mineralSpellings.computeIfAbsent(mk, k -> new HashMap<>()).merge(shown, 1, Integer::sum);
            count(byMineral, mk, nc);
            String issuer = p.licence() == null || p.licence().issuedBy() == null ? t("notRecorded", vi) : t(p.licence().issuedBy().name(), vi);
            count(byIssuer, issuer, nc);
            // The licences to act on, by the act they commit (a licence is listed once for each act, not once per
            // provision), apart by whether the breach rests on what the register records or on a cell it leaves empty.
            for (HistoryStore.StoredFinding f : Tally.distinct(r)) {
                if ("VIOLATION".equals(f.outcome())) {
                    Map<String, Object> l = new LinkedHashMap<>();
                    l.put("licence", r.licenceNumber() == null ? clean(r.key()) : clean(r.licenceNumber()).split("\\s")[0]);
                    l.put("licenceFull", r.licenceNumber() == null ? clean(r.key()) : clean(r.licenceNumber()));
                    l.put("mine", nz(r.name()));
                    l.put("holder", nz(r.holder()));
                    l.put("district", district);
                    l.put("mineral", shown);
                    l.put("expires", Labels.date(r.expiresOn(), lang));
                    l.put("note", p.licence() == null || p.licence().note() == null ? "" : nz(p.licence().note()));
                    (Tally.restsOnEmptyCell(r, f) ? violatingOnEmpty : violating)
                            .computeIfAbsent(Tally.actKey(f), k -> new ArrayList<>()).add(l);
                }
            }
        }
        long nonCompliant = tally.verdicts.get("NON_COMPLIANT");

        // Licences to act on, grouped by the act they commit (its most specific rule's title, every provision it
        // breaks), most licences first: first the breaches the register records, then those that rest on a cell it
        // leaves empty (read as "not done" by its convention).
        List<Map<String, Object>> act = groups(violating, texts, lang);
        List<Map<String, Object>> actEmpty = groups(violatingOnEmpty, texts, lang);
        m.put("act", act);
        m.put("actEmpty", actEmpty);
        List<Map<String, Object>> sections = new ArrayList<>();
        sections.add(section("act", t("act", vi), null, act));
        if (!actEmpty.isEmpty()) {
            sections.add(section("act-empty", t("actEmpty", vi), t("actEmptyIntro", vi), actEmpty));
        }
        m.put("actSections", sections);

        // The plain summary.
        List<String> summary = new ArrayList<>(notices);
        summary.add(nonCompliant > 0 ? String.format(t("breakLaw", vi), nonCompliant, tally.assessed)
                : String.format(t("noneBreak", vi), tally.assessed));
        if (tally.breakOnEmptyOnly > 0) {
            summary.add(String.format(t("breakSplit", vi), tally.breakOnRecord, tally.breakOnEmptyOnly));
        }
        tally.byAct.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                        .thenComparing(Map.Entry::getKey))
                .limit(6).forEach(e -> {
                    String title = texts.title(Tally.actRules(e.getKey()).get(0), lang);
                    summary.add(e.getValue()[1] == 0 ? String.format(t("topBreach", vi), e.getValue()[0], title)
                            : String.format(t("topBreachSplit", vi), e.getValue()[0], title, e.getValue()[1]));
                });
        if (tally.verdicts.get("INCOMPLETE") > 0) {
            summary.add(String.format(t("incomplete", vi), tally.verdicts.get("INCOMPLETE")));
        }
        summary.add(tally.licencesWith.get("OBLIGATION") == 0 ? String.format(t("stepsNone", vi), tally.verdicts.get("COMPLIANT"))
                : String.format(t("steps", vi), tally.licencesWith.get("OBLIGATION"), tally.findings.get("OBLIGATION"),
                        tally.verdicts.get("CONDITIONAL"), tally.verdicts.get("COMPLIANT")));
        if (!errors.isEmpty()) {
            summary.add(String.format(t("unreadable", vi), errors.size()));
        }
        if (run.skippedRows() > 0) {
            summary.add(String.format(t("skipped", vi), run.skippedRows()));
        }
        if (x.changes() != null) {
            summary.add(String.format(t("sinceSummary", vi), x.changes().sinceRunId(), day(x.changes().sinceAuditedOn(), vi), x.changes().newlyNonCompliant().size(),
                    x.changes().resolved().size(), x.changes().changed().size()));
        }
        if (x.due() != null) {
            long expiring = x.due().due().stream().filter(d -> ForwardLook.EXPIRY.equals(d.event())).count();
            long licences = x.due().due().stream().map(ForwardLook.Due::licence).distinct().count();
            summary.add(String.format(t("dueSummary", vi), x.due().horizonDays(), Labels.date(x.due().until(), lang), licences, expiring));
        }
        if (x.reform() != null) {
            summary.add(String.format(t("reformSummary", vi), x.reform().changed().size(), x.reform().records()));
        }
        m.put("summary", summary);
        m.put("reading", reading(run, tally, vi));

        // Since the last audit, coming due, reform.
        m.put("changes", x.changes() == null ? null : changes(x.changes(), vi));
        m.put("due", x.due() == null ? null : due(x.due(), vi, names));
        m.put("reform", x.reform() == null ? null : reform(x.reform(), vi));
        m.put("lawComparison", null);

        // Charts.
        long total = Math.max(1, tally.assessed);
        List<Map<String, Object>> verdictBars = new ArrayList<>();
        for (int i = 0; i < VERDICTS.length; i++) {
            long n = tally.verdicts.get(VERDICTS[i]);
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
        tally.byRule.forEach((id, c) -> {
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
        tally.byRule.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0] + e.getValue()[1] + e.getValue()[2] + e.getValue()[3]).reversed())
                .thenComparing(Map.Entry::getKey)).forEach(e -> {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("title", texts.title(e.getKey(), lang));
                    r.put("provision", texts.provision(e.getKey(), lang));
                    r.put("violations", e.getValue()[0]);
                    r.put("violationsFromEmptyCells", e.getValue()[4]);
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
        about.put("skippedRows", run.skippedRows());
        about.put("rulesVersion", run.rulesVersion());
        about.put("inputSha256", run.inputSha256());
        about.put("durationSeconds", run.durationMs() == null ? null : run.durationMs() / 1000.0);
        m.put("run", about);
        m.put("verdictCounts", new LinkedHashMap<>(tally.verdicts));
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("licencesWith", new LinkedHashMap<>(tally.licencesWith));
        counts.put("findings", new LinkedHashMap<>(tally.findings));
        counts.put("breakingOnRecord", tally.breakOnRecord);
        counts.put("breakingOnEmptyCellsOnly", tally.breakOnEmptyOnly);
        counts.put("readByConvention", tally.readByConvention);
        counts.put("stopped", tally.stopped);
        m.put("counts", counts);
        return m;
    }

    private static Map<String, Object> section(String id, String heading, String intro, List<Map<String, Object>> groups) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("heading", heading);
        m.put("intro", intro);
        m.put("groups", groups);
        return m;
    }

    /** The licences of each act, most licences first, with its most specific rule's title and every provision it breaks. */
    private static List<Map<String, Object>> groups(Map<String, List<Map<String, Object>>> byAct, RuleNames texts, String lang) {
        List<Map<String, Object>> out = new ArrayList<>();
        byAct.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, List<Map<String, Object>>> e) -> e.getValue().size()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    Map<String, Object> g = new LinkedHashMap<>();
                    List<String> ids = Tally.actRules(e.getKey());
                    g.put("title", texts.title(ids.get(0), lang));
                    g.put("provision", String.join("; ", ids.stream().map(id -> texts.provision(id, lang)).toList()));
                    g.put("count", e.getValue().size());
                    g.put("licences", e.getValue());
                    out.add(g);
                });
        return out;
    }

    /**
     * How the register was read: an empty value is unknown, except where a complete-record convention of the
     * mapping reads it as "not done" (which columns, which section, declared where), and never for a stopped mine.
     */
    private static List<String> reading(HistoryStore.Run run, Tally tally, boolean vi) {
        List<String> out = new ArrayList<>();
        out.add(t("readingUnknown", vi));
        for (Map<String, Object> c : run.conventions()) {
            @SuppressWarnings("unchecked")
            List<String> columns = (List<String>) c.get("columns");
            out.add(String.format(t("readingConvention", vi), c.get("section"), String.join(", ", columns), c.get("source"),
                    tally.readByConvention));
        }
        if (!run.conventions().isEmpty()) {
            out.add(String.format(t("readingStopped", vi), tally.stopped));
            out.add(t("readingVerify", vi));
        }
        return out;
    }

    private static Map<String, Object> changes(Changes.Report c, boolean vi) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("intro", String.format(t("sinceIntro", vi), c.sinceRunId(), day(c.sinceAuditedOn(), vi), clean(c.sinceRegister()),
                c.sinceLawAsOf() == null ? t("eachRecordsDate", vi) : Labels.date(c.sinceLawAsOf(), vi ? "vi" : "en")));
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
        m.put("newInRegister", c.newInRegister().stream().map(ReportBuilder::clean).toList());
        m.put("goneFromRegister", c.goneFromRegister().stream().map(ReportBuilder::clean).toList());
        m.put("count", c.all().size());
        return m;
    }

    private static List<Map<String, Object>> licenceChanges(List<Changes.LicenceChange> list, boolean vi) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Changes.LicenceChange c : list) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("licence", clean(c.licence()));
            m.put("licenceShown", shortLicence(clean(c.licence())));
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
        m.put("intro", String.format(t("dueIntro", vi), Labels.date(d.asOf(), vi ? "vi" : "en"), Labels.date(d.until(), vi ? "vi" : "en")));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ForwardLook.Due x : d.due()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("date", Labels.date(x.date(), vi ? "vi" : "en"));
            r.put("licence", clean(x.licence()));
            r.put("licenceShown", shortLicence(clean(x.licence())));
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
            x.put("licence", clean(c.licence()));
            x.put("licenceShown", shortLicence(clean(c.licence())));
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

    /** A date the history keeps as text (2026-03-01), as the reader writes it; other text as it is. */
    static String day(String iso, boolean vi) {
        if (iso == null || !iso.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return iso == null ? "" : iso;
        }
        return Labels.date(java.time.LocalDate.parse(iso), vi ? "vi" : "en");
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
                out.add(clean((path.isEmpty() || path.equals("$") ? "" : path + ": ") + n.path("message").asText("")));
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

    /** "1015/GP-UBND" of "1015/GP-UBND (QĐ điều chỉnh …)": the number as a column shows it (the whole text in its title). */
    static String shortLicence(String licence) {
        return licence == null ? "" : licence.strip().split("\\s")[0];
    }

    private static String nz(String s) {
        return s == null ? "" : clean(s).replace('\n', ' ').strip();
    }

    /** Text from the register as a reader sees it: without control characters (a NUL left in a cell). */
    static String clean(String s) {
        return ColumnMapping.clean(s);
    }
}
