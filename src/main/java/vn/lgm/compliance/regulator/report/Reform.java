package vn.lgm.compliance.regulator.report;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.LawParameters;
import vn.lgm.compliance.regulator.history.Changes.FindingChange;
import vn.lgm.compliance.regulator.history.Changes.RuleChange;
import vn.lgm.compliance.regulator.history.HistoryJson;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Project;

/**
 * A draft reform of the law's numbers, simulated on a register as OpenFisca simulates a reform: a patch to
 * {@code rules/parameters.yaml} (a threshold, a term, a date from which a value applies), every record assessed
 * under the law as it is and as the draft would make it, and the difference attributed to rules and provisions.
 *
 * <p>The patch names parameters of {@code rules/parameters.yaml} with either a number (the draft value on every
 * date), {@code {value: N, from: DATE}} (the draft value from that date) or {@code {values: [{from, value}, ...]}}
 * (the dated values replaced); an optional {@code title} names the draft:
 * <pre>
 * title: "Draft: TREO threshold 85 %"
 * rareEarth.treoMinimumPercent: {value: 85, from: 2026-07-01}
 * </pre>
 */
public final class Reform {

    /** One parameter the draft changes. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReformPatch")
    public record Patch(String key, String title, String unit, String current, String draft) {
    }

    /** One record whose result the draft changes. */
    public record RecordChange(String licence, String name, String holder, String verdictNow, String verdictDraft,
                               List<FindingChange> added, List<FindingChange> removed) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "ReformReport")
    public record Report(String title, List<Patch> patches, long records, List<RecordChange> changed, List<RuleChange> byRule) {
    }

    private final String title;
    private final Map<String, LawParameters.Parameter> draft;
    private final LawParameters law;

    private Reform(String title, Map<String, LawParameters.Parameter> draft, LawParameters law) {
        this.title = title;
        this.draft = draft;
        this.law = law;
    }

    /** Reads a patch; an unknown parameter or a malformed value is an IllegalArgumentException naming it. */
    public static Reform parse(String yaml, LawParameters law) {
        ObjectMapper mapper = YAMLMapper.builder().build();
        JsonNode root;
        try {
            root = mapper.readTree(yaml);
        } catch (IOException e) {
            throw new IllegalArgumentException("reform: not YAML: " + e.getMessage().split("\n")[0]);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("reform: expected a mapping of parameter names to draft values");
        }
        String title = root.hasNonNull("title") ? root.get("title").asText() : null;
        Map<String, LawParameters.Parameter> draft = new LinkedHashMap<>();
        var fields = root.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            String key = e.getKey();
            if (key.equals("title")) {
                continue;
            }
            LawParameters.Parameter current = law.all().get(key);
            if (current == null) {
                throw new IllegalArgumentException("reform: unknown parameter '" + key + "'; rules/parameters.yaml has "
                        + String.join(", ", law.all().keySet()));
            }
            JsonNode v = e.getValue();
            List<LawParameters.Value> values = new ArrayList<>();
            if (v.isNumber()) {
                values.add(new LawParameters.Value(LocalDate.MIN, v.decimalValue(), "draft"));
            } else if (v.isObject() && v.has("value")) {
                values.addAll(current.values());
                LocalDate from = v.has("from") ? date(key, v.get("from")) : LocalDate.MIN;
                values.removeIf(x -> !x.from().isBefore(from));
                values.add(new LawParameters.Value(from, number(key, v.get("value")), "draft"));
            } else if (v.isObject() && v.has("values") && v.get("values").isArray()) {
                for (JsonNode x : v.get("values")) {
                    values.add(new LawParameters.Value(date(key, x.get("from")), number(key, x.get("value")),
                            x.hasNonNull("citation") ? x.get("citation").asText() : "draft"));
                }
            } else {
                throw new IllegalArgumentException("reform: '" + key + "': expected a number, {value, from} or {values: [...]}");
            }
            values.sort(Comparator.comparing(LawParameters.Value::from));
            draft.put(key, new LawParameters.Parameter(key, current.title(), current.unit(), values));
        }
        if (draft.isEmpty()) {
            throw new IllegalArgumentException("reform: the patch changes no parameter");
        }
        return new Reform(title, draft, law);
    }

    /** The draft's values in force on a date, as overrides of the law's. */
    Map<String, Double> overrides(LocalDate date) {
        Map<String, Double> o = new HashMap<>();
        draft.forEach((k, p) -> {
            LawParameters.Value v = p.on(date);
            if (v != null) {
                o.put(k, v.value().doubleValue());
            }
        });
        return o;
    }

    public Report simulate(Assessor assessor, List<HistoryStore.StoredRecord> records, RuleNames texts, String lang) {
        List<RecordChange> changed = new ArrayList<>();
        Map<String, long[]> rules = new TreeMap<>();
        long n = 0;
        for (HistoryStore.StoredRecord r : records) {
            if (!r.ok() || r.descriptionJson() == null) {
                continue;
            }
            n++;
            Project p = HistoryJson.project(r.descriptionJson());
            if (r.lawAsOf() != null) {
                p = p.withAssessmentDate(r.lawAsOf());
            }
            LocalDate date = p.assessmentDate() != null ? p.assessmentDate() : LocalDate.now(Assessor.VIETNAM);
            Assessment now = assessor.assess(p);
            Assessment drafted = assessor.assess(p, new Assessor.Options(Set.of(), overrides(date), null));
            Set<String> a = keys(now);
            Set<String> b = keys(drafted);
            List<FindingChange> added = new ArrayList<>();
            List<FindingChange> removed = new ArrayList<>();
            for (String k : b) {
                if (!a.contains(k)) {
                    added.add(change(k, texts, lang));
                    rules.computeIfAbsent(k.split(" ")[0], x -> new long[2])[0]++;
                }
            }
            for (String k : a) {
                if (!b.contains(k)) {
                    removed.add(change(k, texts, lang));
                    rules.computeIfAbsent(k.split(" ")[0], x -> new long[2])[1]++;
                }
            }
            if (!added.isEmpty() || !removed.isEmpty() || now.verdict() != drafted.verdict()) {
                changed.add(new RecordChange(r.licenceNumber() != null ? r.licenceNumber() : r.key(), r.name(), r.holder(),
                        now.verdict().name(), drafted.verdict().name(), added, removed));
            }
        }
        List<RuleChange> byRule = new ArrayList<>();
        rules.forEach((id, c) -> byRule.add(new RuleChange(id, texts.title(id, lang), texts.provision(id, lang), c[0], c[1])));
        List<Patch> patches = new ArrayList<>();
        LocalDate today = LocalDate.now(Assessor.VIETNAM);
        draft.forEach((k, p) -> patches.add(new Patch(k, p.title(), p.unit(), describe(law.all().get(k), today), describe(p, today))));
        return new Report(title, patches, n, changed, byRule);
    }

    private static String describe(LawParameters.Parameter p, LocalDate today) {
        List<String> parts = new ArrayList<>();
        for (LawParameters.Value v : p.values()) {
            String num = v.value().stripTrailingZeros().toPlainString();
            parts.add(v.from().equals(LocalDate.MIN) ? num : num + " (from " + v.from() + ")");
        }
        return String.join("; ", parts);
    }

    private static FindingChange change(String key, RuleNames texts, String lang) {
        String[] p = key.split(" ");
        return new FindingChange(p[0], p[1], texts.title(p[0], lang), texts.provision(p[0], lang));
    }

    private static Set<String> keys(Assessment a) {
        Set<String> s = new LinkedHashSet<>();
        for (Finding f : a.findings()) {
            f.ruleIds().forEach(id -> s.add(id + " " + f.outcome()));
        }
        return s;
    }

    private static LocalDate date(String key, JsonNode n) {
        try {
            return LocalDate.parse(n.asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("reform: '" + key + "': 'from' must be a date YYYY-MM-DD");
        }
    }

    private static BigDecimal number(String key, JsonNode n) {
        if (n == null || !n.isNumber()) {
            throw new IllegalArgumentException("reform: '" + key + "': 'value' must be a number");
        }
        return n.decimalValue();
    }
}
