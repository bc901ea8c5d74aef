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
import vn.lgm.compliance.contract.input.InputError;

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

    /**
     * A patch that cannot be simulated: every problem found, each naming the parameter (its key in
     * {@code rules/parameters.yaml}, or {@code $} for the patch as a whole) and what was expected.
     */
    public static final class Refused extends IllegalArgumentException {
        private final List<InputError> problems;

        Refused(List<InputError> problems) {
            super("reform: " + String.join("; ", problems.stream().map(p -> p.path() + ": " + p.message()).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<InputError> problems() {
            return problems;
        }
    }

    /** A key given twice is refused; a decimal is read exactly (1e400 stays 1e400, and is refused as out of range). */
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /**
     * Reads a patch, checking each draft value against its parameter's domain (a percentage 0–100, a count, a
     * term in months or years a whole number ≥ 0, an area a number ≥ 0; always a finite number), its shape (a
     * number, {@code {value, from}} or a non-empty {@code {values: [{from, value}, ...]}} with distinct dates; no
     * other key, no key twice) and that the parameter exists. Every problem is refused together ({@link Refused}).
     */
    public static Reform parse(String yaml, LawParameters law) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            String m = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            java.util.regex.Matcher twice = java.util.regex.Pattern.compile("Duplicate field '([^']*)'").matcher(m);
            throw new Refused(List.of(twice.find() ? new InputError(twice.group(1), "given twice in the patch")
                    : new InputError("$", "not YAML: " + m)));
        }
        if (root == null || !root.isObject()) {
            throw new Refused(List.of(new InputError("$", "expected a mapping of parameter names (of rules/parameters.yaml) to draft values")));
        }
        List<InputError> problems = new ArrayList<>();
        String title = null;
        if (root.has("title")) {
            if (root.get("title").isTextual()) {
                title = root.get("title").asText();
            } else {
                problems.add(new InputError("title", "expected text, the draft's name"));
            }
        }
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
                problems.add(new InputError(key, "unknown parameter '" + key + "'; rules/parameters.yaml has "
                        + String.join(", ", law.all().keySet())));
                continue;
            }
            int before = problems.size();
            JsonNode v = e.getValue();
            List<LawParameters.Value> values = new ArrayList<>();
            if (v.isNumber()) {
                BigDecimal n = value(current, v, key, problems);
                if (n != null) {
                    values.add(new LawParameters.Value(LocalDate.MIN, n, "draft"));
                }
            } else if (v.isObject() && v.has("value") && !v.has("values")) {
                keys(v, Set.of("value", "from"), key, problems);
                values.addAll(current.values());
                LocalDate from = v.has("from") ? date(v.get("from"), key + ".from", problems) : LocalDate.MIN;
                BigDecimal n = value(current, v.get("value"), key + ".value", problems);
                if (from != null && n != null) {
                    values.removeIf(x -> !x.from().isBefore(from));
                    values.add(new LawParameters.Value(from, n, "draft"));
                }
            } else if (v.isObject() && v.has("values") && !v.has("value")) {
                keys(v, Set.of("values"), key, problems);
                JsonNode list = v.get("values");
                if (!list.isArray() || list.isEmpty()) {
                    problems.add(new InputError(key + ".values", "expected a list of at least one {from, value}"));
                } else {
                    Set<LocalDate> dates = new java.util.HashSet<>();
                    for (int i = 0; i < list.size(); i++) {
                        JsonNode x = list.get(i);
                        String at = key + ".values[" + i + "]";
                        if (!x.isObject()) {
                            problems.add(new InputError(at, "expected {from, value}"));
                            continue;
                        }
                        keys(x, Set.of("from", "value", "citation"), at, problems);
                        LocalDate from = x.has("from") ? date(x.get("from"), at + ".from", problems) : null;
                        if (!x.has("from")) {
                            problems.add(new InputError(at + ".from", "expected the date the value applies from (YYYY-MM-DD)"));
                        }
                        if (from != null && !dates.add(from)) {
                            problems.add(new InputError(at + ".from", "the date " + from + " is given twice"));
                        }
                        BigDecimal n = x.has("value") ? value(current, x.get("value"), at + ".value", problems) : null;
                        if (!x.has("value")) {
                            problems.add(new InputError(at + ".value", "expected the draft value"));
                        }
                        if (from != null && n != null) {
                            values.add(new LawParameters.Value(from, n, x.hasNonNull("citation") ? x.get("citation").asText() : "draft"));
                        }
                    }
                }
            } else {
                problems.add(new InputError(key, "expected a number, {value, from} or {values: [{from, value}, ...]}"));
            }
            if (problems.size() == before) {
                values.sort(Comparator.comparing(LawParameters.Value::from));
                draft.put(key, new LawParameters.Parameter(key, current.title(), current.unit(), values));
            }
        }
        if (problems.isEmpty() && draft.isEmpty()) {
            problems.add(new InputError("$", "the patch changes no parameter"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return new Reform(title, draft, law);
    }

    /** Refuses keys other than those expected in a draft value's object. */
    private static void keys(JsonNode object, Set<String> expected, String at, List<InputError> problems) {
        object.fieldNames().forEachRemaining(k -> {
            if (!expected.contains(k)) {
                problems.add(new InputError(at + "." + k, "unknown key; expected " + String.join(", ", new java.util.TreeSet<>(expected))));
            }
        });
    }

    /** A draft value within its parameter's domain, by the parameter's unit; null (and a problem) otherwise. */
    private static BigDecimal value(LawParameters.Parameter p, JsonNode n, String at, List<InputError> problems) {
        if (n == null || !n.isNumber()) {
            problems.add(new InputError(at, "expected a number, not " + (n == null ? "nothing" : n.isTextual() ? "'" + n.asText() + "'" : n.toString())));
            return null;
        }
        if (n.isFloatingPointNumber() && !Double.isFinite(n.doubleValue()) && !n.isBigDecimal()) {
            problems.add(new InputError(at, "the number " + n.asText() + " is beyond what a rule can compare"));
            return null;
        }
        BigDecimal v = n.decimalValue();
        double d = v.doubleValue();
        String unit = p.unit() == null ? "" : p.unit();
        if (Double.isInfinite(d) || (d == 0 && v.signum() != 0)) {
            problems.add(new InputError(at, "the number " + n.asText() + " is beyond what a rule can compare"));
            return null;
        }
        boolean whole = v.stripTrailingZeros().scale() <= 0;
        String expected = switch (unit) {
            case "percent" -> v.signum() < 0 || v.compareTo(BigDecimal.valueOf(100)) > 0 ? "a percentage from 0 to 100" : null;
            case "count", "months", "years" -> v.signum() < 0 || !whole ? "a whole number of " + (unit.equals("count") ? "times" : unit) + ", 0 or more" : null;
            default -> v.signum() < 0 ? "a number of " + (unit.isEmpty() ? "units" : unit) + ", 0 or more" : null;
        };
        if (expected != null) {
            problems.add(new InputError(at, "expected " + expected + " (" + p.title() + "), not " + v.toPlainString()));
            return null;
        }
        return v;
    }

    private static LocalDate date(JsonNode n, String at, List<InputError> problems) {
        try {
            return LocalDate.parse(n.asText());
        } catch (RuntimeException e) {
            problems.add(new InputError(at, "expected a date as YYYY-MM-DD, not '" + n.asText() + "'"));
            return null;
        }
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

}
