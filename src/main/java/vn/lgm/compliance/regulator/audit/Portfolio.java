package vn.lgm.compliance.regulator.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * The portfolio view of an audit, accumulated record by record in input order (single-threaded, on the writer):
 * verdicts, findings by rule and by provision, by district, mineral and issuer, the records with errors, and with
 * a comparison date the findings that appear or disappear. Lists of records are capped so memory stays bounded.
 */
public final class Portfolio implements Consumer<AuditRunner.Result> {

    /** How many records are listed by name per rule, and how many error records; counts are always complete. */
    static final int LIST_CAP = 500;

    /** One record as a line of the report. */
    public record Named(long line, String id, String name, String holder, String district, String mineral,
                        String licence, String expiresOn, String note) {
    }

    /** Counts of one rule's findings by outcome. */
    public static final class RuleCount {
        public final String ruleId;
        public final String title;
        public final String citation;
        public final List<String> provisions;
        public final Map<Outcome, Long> outcomes = new EnumMap<>(Outcome.class);
        public final List<Named> violating = new ArrayList<>();

        RuleCount(String ruleId, String title, String citation, List<String> provisions) {
            this.ruleId = ruleId;
            this.title = title;
            this.citation = citation;
            this.provisions = provisions;
        }

        public long violations() {
            return outcomes.getOrDefault(Outcome.VIOLATION, 0L);
        }

        public long count(Outcome o) {
            return outcomes.getOrDefault(o, 0L);
        }
    }

    /** A group (district, mineral, issuer): records and how many are non-compliant. */
    public static final class Group {
        public final String name;
        public long records;
        public long nonCompliant;
        public long violations;

        Group(String name) {
            this.name = name;
        }
    }

    /** A finding (rule and outcome) that appears or disappears between the two dates. */
    public static final class Change {
        public final String ruleId;
        public final String outcome;
        public final List<String> provisions;
        public long records;
        public final List<String> examples = new ArrayList<>();

        Change(String ruleId, String outcome, List<String> provisions) {
            this.ruleId = ruleId;
            this.outcome = outcome;
            this.provisions = provisions;
        }
    }

    private final RuleBase rules;
    private final Map<String, List<String>> provisionsByRule;
    private final Map<Verdict, Long> verdicts = new EnumMap<>(Verdict.class);
    private final Map<String, RuleCount> byRule = new TreeMap<>();
    private final Map<String, Group> byDistrict = new TreeMap<>();
    private final Map<String, Group> byProvince = new TreeMap<>();
    private final Map<String, Group> byMineral = new TreeMap<>();
    private final Map<String, Group> byIssuer = new TreeMap<>();
    private final Map<String, Change> appeared = new TreeMap<>();
    private final Map<String, Change> disappeared = new TreeMap<>();
    private final List<AuditRunner.ErrorLine> errors = new ArrayList<>();
    private long records;
    private long assessed;
    private long errorCount;

    public Portfolio(RuleBase rules) {
        this.rules = rules;
        this.provisionsByRule = provisionsByRule(rules.dir().resolve("provisions.yaml"));
    }

    @Override
    public void accept(AuditRunner.Result r) {
        records++;
        if (!r.ok()) {
            errorCount++;
            if (errors.size() < LIST_CAP) {
                errors.add(new AuditRunner.ErrorLine(r.input().line(), r.input().id(), r.errors()));
            }
            return;
        }
        assessed++;
        Assessment a = r.assessment();
        Project p = r.input().project();
        verdicts.merge(a.verdict(), 1L, Long::sum);
        boolean nonCompliant = a.verdict() == Verdict.NON_COMPLIANT;
        long violations = a.findings().stream().filter(f -> f.outcome() == Outcome.VIOLATION).count();
        group(byDistrict, p.site().district(), nonCompliant, violations);
        group(byProvince, p.site().province(), nonCompliant, violations);
        group(byMineral, p.minerals() == null || p.minerals().isEmpty() || p.minerals().get(0) == null ? null
                : p.minerals().get(0).localName() != null ? p.minerals().get(0).localName() + " (" + p.minerals().get(0).name() + ")"
                : String.valueOf(p.minerals().get(0).name()), nonCompliant, violations);
        group(byIssuer, p.licence().issuedBy() == null ? null : p.licence().issuedBy().name(), nonCompliant, violations);
        // Per rule, the records it found something in: every rule of a finding about one act counts (the act is
        // counted once in the record's violations above, and under each provision it breaks here).
        Set<String> seen = new LinkedHashSet<>();
        for (Finding f : a.findings()) {
            for (int i = 0; i <= f.otherRules().size(); i++) {
                RuleRef rule = i == 0 ? new RuleRef(f.ruleId(), f.title(), f.citation(), f.inForce()) : f.otherRules().get(i - 1);
                if (!seen.add(rule.ruleId() + " " + f.outcome())) {
                    continue;
                }
                RuleCount c = byRule.computeIfAbsent(rule.ruleId(), id -> new RuleCount(id, rule.title(),
                        shortCitation(rule.citation()), provisionsByRule.getOrDefault(id, List.of())));
                c.outcomes.merge(f.outcome(), 1L, Long::sum);
                if (f.outcome() == Outcome.VIOLATION && c.violating.size() < LIST_CAP) {
                    c.violating.add(named(r.input().line(), p));
                }
            }
        }
        if (r.compared() != null) {
            Set<String> now = keys(a);
            Set<String> then = keys(r.compared());
            // Going from the comparison date to the audit date: what the later law adds, and what it drops.
            for (String k : now) {
                if (!then.contains(k)) {
                    change(appeared, k, p);
                }
            }
            for (String k : then) {
                if (!now.contains(k)) {
                    change(disappeared, k, p);
                }
            }
        }
    }

    private void change(Map<String, Change> into, String key, Project p) {
        String[] parts = key.split(" ");
        Change c = into.computeIfAbsent(key, k -> new Change(parts[0], parts[1], provisionsByRule.getOrDefault(parts[0], List.of())));
        c.records++;
        if (c.examples.size() < 20) {
            c.examples.add(p.id() + (p.name() == null ? "" : " — " + p.name()));
        }
    }

    /** "LGM Art 9(3)": the instrument code, article, clause and point. */
    static String shortCitation(vn.lgm.compliance.contract.model.Citation c) {
        return c.instrument() + " Art " + c.article() + (c.clause() == null ? "" : "(" + c.clause() + ")")
                + (c.point() == null ? "" : "(" + c.point() + ")");
    }

    private static Set<String> keys(Assessment a) {
        Set<String> s = new LinkedHashSet<>();
        a.findings().forEach(f -> f.ruleIds().forEach(id -> s.add(id + " " + f.outcome())));
        return s;
    }

    private static Named named(long line, Project p) {
        return new Named(line, p.id(), p.name(), p.proponent().name(), p.site().district(),
                p.minerals() == null || p.minerals().isEmpty() || p.minerals().get(0) == null ? null
                        : p.minerals().get(0).localName() != null ? p.minerals().get(0).localName() : String.valueOf(p.minerals().get(0).name()),
                p.licence().number(), p.licence().expiresOn() == null ? null : p.licence().expiresOn().toString(),
                p.licence().note());
    }

    private static void group(Map<String, Group> groups, String key, boolean nonCompliant, long violations) {
        Group g = groups.computeIfAbsent(key == null || key.isBlank() ? "(not given)" : key.strip(), Group::new);
        g.records++;
        g.violations += violations;
        if (nonCompliant) {
            g.nonCompliant++;
        }
    }

    public long records() {
        return records;
    }

    public long assessed() {
        return assessed;
    }

    public long errors() {
        return errorCount;
    }

    public RuleBase rules() {
        return rules;
    }

    public Map<Verdict, Long> verdicts() {
        Map<Verdict, Long> all = new LinkedHashMap<>();
        for (Verdict v : Verdict.values()) {
            all.put(v, verdicts.getOrDefault(v, 0L));
        }
        return all;
    }

    /** Rules, most violated first (then most findings of any kind). */
    public List<RuleCount> rulesByViolations() {
        return byRule.values().stream().sorted(Comparator.comparingLong(RuleCount::violations).reversed()
                .thenComparing(Comparator.comparingLong((RuleCount c) -> c.outcomes.values().stream().mapToLong(Long::longValue).sum()).reversed())
                .thenComparing(c -> c.ruleId)).toList();
    }

    /** Provisions, most violated first: the violations of every rule that encodes the provision. */
    public List<Map<String, Object>> provisionsByViolations() {
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Set<String>> ruleIds = new HashMap<>();
        for (RuleCount c : byRule.values()) {
            List<String> ps = c.provisions.isEmpty() ? List.of(c.citation + " (not yet in provisions.yaml)") : c.provisions;
            for (String p : ps) {
                long[] n = counts.computeIfAbsent(p, k -> new long[2]);
                n[0] += c.violations();
                n[1] += c.outcomes.values().stream().mapToLong(Long::longValue).sum();
                ruleIds.computeIfAbsent(p, k -> new LinkedHashSet<>()).add(c.ruleId);
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed()
                        .thenComparing(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[1]).reversed())
                        .thenComparing(Map.Entry::getKey))
                .forEach(e -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("provision", e.getKey());
                    m.put("rules", List.copyOf(ruleIds.get(e.getKey())));
                    m.put("violations", e.getValue()[0]);
                    m.put("findings", e.getValue()[1]);
                    out.add(m);
                });
        return out;
    }

    public List<Group> byDistrict() {
        return sorted(byDistrict);
    }

    public List<Group> byProvince() {
        return sorted(byProvince);
    }

    public List<Group> byMineral() {
        return sorted(byMineral);
    }

    public List<Group> byIssuer() {
        return sorted(byIssuer);
    }

    public List<AuditRunner.ErrorLine> errorRecords() {
        return errors;
    }

    public List<Change> appeared() {
        return appeared.values().stream().sorted(Comparator.comparingLong((Change c) -> c.records).reversed()).toList();
    }

    public List<Change> disappeared() {
        return disappeared.values().stream().sorted(Comparator.comparingLong((Change c) -> c.records).reversed()).toList();
    }

    /** The title of a rule in the catalogue, for rules that never fired. */
    public String title(String ruleId) {
        return rules.catalogue().stream().filter(i -> ruleId.equals(i.id())).map(RuleInfo::title).findFirst().orElse(ruleId);
    }

    private static List<Group> sorted(Map<String, Group> groups) {
        return groups.values().stream().sorted(Comparator.comparingLong((Group g) -> g.nonCompliant).reversed()
                .thenComparing(Comparator.comparingLong((Group g) -> g.records).reversed()).thenComparing(g -> g.name)).toList();
    }

    /** rule id → the catalogue provisions that list it (rules/provisions.yaml); empty when the file is absent. */
    static Map<String, List<String>> provisionsByRule(Path file) {
        Map<String, List<String>> out = new HashMap<>();
        if (!Files.isRegularFile(file)) {
            return out;
        }
        for (ProvisionRegister.Entry p : ProvisionRegister.load(file).entries()) {
            for (String rule : p.rules()) {
                out.computeIfAbsent(rule, k -> new ArrayList<>()).add(p.id() + " · " + p.citation());
            }
        }
        return out;
    }
}
