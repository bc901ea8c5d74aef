package vn.lgm.compliance.engine;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;

/**
 * The relevance gate: a question (a missing fact of an INSUFFICIENT_INFORMATION finding) is needless when no filling
 * of that finding's missing facts makes the fact's answer change that rule's outcome — for a finding about one act
 * resting on several rules, the outcome of those rules together (the act's finding). Each missing fact is tried with
 * every value of its domain (booleans both ways; every enum value; numbers and dates at, just below and just above the
 * law's thresholds and dates, and extremes, and around the project's own dates) against fillings of the others (every
 * combination of a few values each, "not known" among them, or {@value #MAX_FILLINGS} drawn at random when there are
 * more), and the project is assessed again with only that rule (and the definitions) allowed to fire. Only fillings
 * possible in the law's order of events count ({@link EventOrder#breaches}: auction, application, issue, extension near
 * the end of a term, assessment): an answer no project can give changes nothing.
 */
public final class RelevanceGate {

    private static final ObjectMapper JSON = vn.lgm.compliance.contract.input.Json.json();

    /** Fillings of the other missing facts tried at most, per fact. */
    static final int MAX_FILLINGS = 400;

    private final Assessor assessor;
    private final List<Double> numbers;
    private final List<LocalDate> dates;
    private final Set<String> findingRules = new LinkedHashSet<>();
    private final Set<String> askingRules = new LinkedHashSet<>();

    RelevanceGate(Assessor assessor) {
        this.assessor = assessor;
        Set<Double> n = new java.util.TreeSet<>(List.of(0.0, 1e13));
        Set<LocalDate> d = new java.util.TreeSet<>(List.of(LocalDate.of(1990, 1, 1), LocalDate.of(2100, 1, 1)));
        for (LawParameters.Parameter p : assessor.rules().parameters().all().values()) {
            for (LawParameters.Value v : p.values()) {
                double x = v.value().doubleValue();
                n.add(x);
                n.add(x + 1);
                n.add(Math.max(0, x - 1));
                n.add(x * 12);
                n.add(x * 12 + 1);
                d.add(v.from());
                d.add(v.from().minusDays(1));
            }
        }
        for (RuleInfo r : assessor.rules().catalogue()) {
            if (!r.isDefinition()) {
                findingRules.add(r.id());
                if (r.outcome() == Outcome.INSUFFICIENT_INFORMATION) {
                    askingRules.add(r.id());
                }
            }
            if (r.inForce() != null) {
                d.add(r.inForce().from());
                d.add(r.inForce().from().minusDays(1));
                if (r.inForce().to() != null) {
                    d.add(r.inForce().to());
                    d.add(r.inForce().to().plusDays(1));
                }
            }
        }
        this.numbers = List.copyOf(n);
        this.dates = List.copyOf(d);
    }

    /** The needless questions of one project's assessment: "rule: fact" for each. */
    List<String> needless(Project project) {
        Assessment a = assessor.assess(project);
        List<String> found = new ArrayList<>();
        JsonNode tree = JSON.valueToTree(project);
        for (Finding f : a.findings()) {
            if (f.outcome() != Outcome.INSUFFICIENT_INFORMATION) {
                continue;
            }
            for (String fact : f.missingFacts()) {
                if (!canChange(tree, f.ruleIds(), fact, f.missingFacts(), project)) {
                    found.add(String.join("+", f.ruleIds()) + ": " + fact);
                }
            }
        }
        return found;
    }

    private boolean canChange(JsonNode tree, List<String> ruleIds, String fact, List<String> missing, Project original) {
        List<String> others = missing.stream().filter(m -> !m.equals(fact)).toList();
        List<List<Object>> otherDomains = others.stream().map(o -> coarse(o, original)).toList();
        List<Object> own = new ArrayList<>(domain(fact));
        if (typeOf(fact) == LocalDate.class) {
            // Dates around the project's own (a deadline counted from its auction or its issue), possible ones only.
            for (LocalDate d : ownDates(original)) {
                for (LocalDate near : List.of(d, d.minusDays(1), d.plusDays(1), d.plusMonths(6), d.plusMonths(9),
                        d.plusMonths(12), d.plusMonths(18), d.plusMonths(24), d.plusMonths(36), d.plusMonths(48))) {
                    if (!own.contains(near.toString())) {
                        own.add(near.toString());
                    }
                }
            }
        }
        // A rule that only asks (its outcome is INSUFFICIENT_INFORMATION) asks for the other rules: its question matters
        // when the answer changes what they find.
        boolean asking = ruleIds.stream().anyMatch(askingRules::contains);
        Assessor.Options only = asking ? Assessor.Options.NONE : new Assessor.Options(disabledBut(ruleIds), Map.of(), null);
        for (List<Object> combo : combinations(otherDomains)) {
            String first = null;
            for (Object value : own) {
                ObjectNode filled = tree.deepCopy();
                for (int i = 0; i < others.size(); i++) {
                    set(filled, others.get(i), combo.get(i));
                }
                set(filled, fact, value);
                Project p = consistent(filled);
                if (p == null) {
                    continue;
                }
                String outcome = asking ? othersOf(assessor.assess(p, only), ruleIds) : outcomeOf(assessor.assess(p, only), ruleIds);
                if (first == null) {
                    first = outcome;
                } else if (!first.equals(outcome)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The dates the description gives (its assessment date and its licence's dates). */
    private static List<LocalDate> ownDates(Project p) {
        var l = p.licence();
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d : java.util.Arrays.asList(p.assessmentDate(), l.auctionWonOn(), l.applicationFiledOn(),
                l.issuedOn(), l.expiresOn(), l.explorationResultsRecognisedOn(), l.noAuctionAreaDelineatedOn())) {
            if (d != null) {
                out.add(d);
            }
        }
        return out;
    }

    private Set<String> disabledBut(List<String> ruleIds) {
        Set<String> disabled = new java.util.HashSet<>(findingRules);
        ruleIds.forEach(disabled::remove);
        return disabled;
    }

    private static String othersOf(Assessment a, List<String> ruleIds) {
        return a.findings().stream().filter(f -> f.ruleIds().stream().noneMatch(ruleIds::contains))
                .map(vn.lgm.compliance.engine.cases.CaseRunner::key).sorted().toList().toString();
    }

    /** The outcomes of the findings of these rules (one act's finding may rest on several). */
    private static String outcomeOf(Assessment a, List<String> ruleIds) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Finding f : a.findings()) {
            if (f.ruleIds().stream().anyMatch(ruleIds::contains)) {
                outcomes.merge(f.outcome().name(), 1, Integer::sum);
            }
        }
        return outcomes.toString();
    }

    /**
     * The project, or null when the filling is not a consistent description (an expiry before the issue, ...) or breaks
     * the law's order of events.
     */
    private Project consistent(ObjectNode tree) {
        Project p;
        try {
            p = JSON.treeToValue(tree, Project.class);
        } catch (Exception e) {
            return null;
        }
        LocalDate today = p.assessmentDate() != null ? p.assessmentDate() : LocalDate.now(Assessor.VIETNAM);
        if (!EventOrder.breaches(p, today, assessor.rules().parameters()).isEmpty()) {
            return null;
        }
        var l = p.licence();
        if (l != null && l.issuedOn() != null && l.expiresOn() != null) {
            if (l.expiresOn().isBefore(l.issuedOn())) {
                return null;
            }
            // Extensions lengthen the term: they cannot add more months than the licence runs.
            long span = java.time.temporal.ChronoUnit.MONTHS.between(l.issuedOn(), l.expiresOn());
            if (l.extensionMonths() != null && l.extensionMonths() > span) {
                return null;
            }
        }
        if (l != null && l.extensionCount() != null && l.extensionMonths() != null
                && l.extensionCount() == 0 && l.extensionMonths() > 0) {
            return null;
        }
        return p;
    }

    /** Every combination of the others' values when there are at most {@value #MAX_FILLINGS}, else as many drawn at random (seeded). */
    private static List<List<Object>> combinations(List<List<Object>> domains) {
        long product = 1;
        for (List<Object> d : domains) {
            product = Math.min(Long.MAX_VALUE / 64, product * d.size());
        }
        if (product > MAX_FILLINGS) {
            java.util.SplittableRandom random = new java.util.SplittableRandom(domains.size() * 31L + product);
            List<List<Object>> sample = new ArrayList<>();
            for (int i = 0; i < MAX_FILLINGS; i++) {
                List<Object> c = new ArrayList<>();
                for (List<Object> d : domains) {
                    c.add(d.get(random.nextInt(d.size())));
                }
                sample.add(c);
            }
            return sample;
        }
        List<List<Object>> result = new ArrayList<>();
        result.add(new ArrayList<>());
        for (List<Object> d : domains) {
            List<List<Object>> next = new ArrayList<>();
            for (List<Object> prefix : result) {
                for (Object v : d) {
                    List<Object> c = new ArrayList<>(prefix);
                    c.add(v);
                    next.add(c);
                }
            }
            result = next;
        }
        return result;
    }

    /**
     * Fewer values, for the facts filled around the one tried: extremes and a value between, and "not known" (an
     * answer a user may give: the fact tried may decide while another stays unknown).
     */
    private List<Object> coarse(String path, Project original) {
        List<Object> values = new ArrayList<>();
        values.add(null);
        values.addAll(coarseKnown(path));
        if (typeOf(path) == LocalDate.class) {
            // A term counted from a date the project gives (its application, its assessment date): the day after 1, 3,
            // 4 and 6 years from it, where a limit counted from the date tried may fall.
            for (LocalDate d : ownDates(original)) {
                for (int months : List.of(12, 36, 48, 72)) {
                    String near = d.plusMonths(months).plusDays(1).toString();
                    if (!values.contains(near)) {
                        values.add(near);
                    }
                }
            }
        }
        return values;
    }

    private List<Object> coarseKnown(String path) {
        Class<?> type = typeOf(path);
        if (type == LocalDate.class) {
            return List.of("1990-01-01", "2025-06-30", "2025-12-31", "2026-03-01", "2100-01-01");
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            boolean whole = type == Integer.class || type == Long.class || type == int.class || type == long.class;
            return whole ? List.of(0L, 12L, 60L, 1000L) : List.of(0.0, 30.0, 100.0, 1e13);
        }
        return domain(path);
    }

    /** Every value worth trying for the fact at this path, read from the model's type. */
    List<Object> domain(String path) {
        Class<?> type = typeOf(path);
        if (type == Boolean.class || type == boolean.class) {
            return List.of(true, false);
        }
        if (type.isEnum()) {
            List<Object> values = new ArrayList<>();
            for (Object c : type.getEnumConstants()) {
                values.add(((Enum<?>) c).name());
            }
            return values;
        }
        if (type == LocalDate.class) {
            return dates.stream().map(d -> (Object) d.toString()).toList();
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            boolean whole = type == Integer.class || type == Long.class || type == int.class || type == long.class;
            return numbers.stream().map(x -> whole ? (Object) Math.round(x) : (Object) x).distinct().toList();
        }
        if (List.class.isAssignableFrom(type)) {
            return lists(path);
        }
        return List.of("VN", "XX");
    }

    /**
     * The lists worth trying for a list the description omits: none (an empty list), one entry that gives nothing, and
     * one entry for each value of each of the entry's enum or boolean fields (a list of enums: each value alone).
     */
    private static List<Object> lists(String path) {
        Type element = Project.class;
        for (String segment : path.split("\\.")) {
            Class<?> raw = raw(element);
            for (RecordComponent rc : raw.getRecordComponents()) {
                if (rc.getName().equals(segment.replaceAll("\\[\\d+]$", ""))) {
                    element = rc.getGenericType();
                }
            }
        }
        Class<?> entry = raw(((ParameterizedType) element).getActualTypeArguments()[0]);
        List<Object> values = new ArrayList<>(List.of(List.of()));
        if (entry.isEnum()) {
            for (Object c : entry.getEnumConstants()) {
                values.add(List.of(((Enum<?>) c).name()));
            }
            return values;
        }
        values.add(List.of(Map.of()));
        if (entry.isRecord()) {
            for (RecordComponent rc : entry.getRecordComponents()) {
                Class<?> t = rc.getType();
                if (t.isEnum()) {
                    for (Object c : t.getEnumConstants()) {
                        values.add(List.of(Map.of(rc.getName(), ((Enum<?>) c).name())));
                    }
                } else if (t == Boolean.class || t == boolean.class) {
                    values.add(List.of(Map.of(rc.getName(), true)));
                    values.add(List.of(Map.of(rc.getName(), false)));
                }
            }
        }
        return values;
    }

    private static Class<?> typeOf(String path) {
        Type type = Project.class;
        for (String segment : path.split("\\.")) {
            String name = segment.replaceAll("\\[\\d+]$", "");
            Class<?> raw = raw(type);
            RecordComponent c = null;
            for (RecordComponent rc : raw.getRecordComponents()) {
                if (rc.getName().equals(name)) {
                    c = rc;
                }
            }
            if (c == null) {
                throw new IllegalArgumentException("no field " + name + " in " + path);
            }
            type = c.getGenericType();
            if (segment.endsWith("]")) {
                type = ((ParameterizedType) type).getActualTypeArguments()[0];
            }
        }
        return raw(type);
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    /** Sets the value at a JSON path such as {@code minerals[0].radioactive}, creating objects on the way. */
    public static void set(ObjectNode root, String path, Object value) {
        String[] segments = path.split("\\.");
        JsonNode node = root;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            int bracket = segment.indexOf('[');
            String name = bracket < 0 ? segment : segment.substring(0, bracket);
            ObjectNode obj = (ObjectNode) node;
            if (bracket >= 0) {
                int index = Integer.parseInt(segment.substring(bracket + 1, segment.length() - 1));
                ArrayNode array = obj.has(name) && obj.get(name).isArray() ? (ArrayNode) obj.get(name) : obj.putArray(name);
                while (array.size() <= index) {
                    array.addObject();
                }
                if (last) {
                    array.set(index, JSON.valueToTree(value));
                    return;
                }
                node = array.get(index);
            } else if (last) {
                obj.set(name, JSON.valueToTree(value instanceof BigDecimal b ? b.doubleValue() : value));
            } else {
                node = obj.has(name) && obj.get(name).isObject() ? obj.get(name) : obj.putObject(name);
            }
        }
    }
}
