package vn.lgm.compliance.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.lgm.compliance.cases.CaseResult;
import vn.lgm.compliance.cases.CaseRunner;
import vn.lgm.compliance.cases.TestCase;
import vn.lgm.compliance.coverage.CoverageReport.CaseCoverage;
import vn.lgm.compliance.coverage.CoverageReport.ProvisionCoverage;
import vn.lgm.compliance.coverage.CoverageReport.RuleCoverage;
import vn.lgm.compliance.coverage.CoverageReport.RuleUse;
import vn.lgm.compliance.coverage.CoverageReport.Summary;
import vn.lgm.compliance.coverage.CoverageReport.ThresholdCoverage;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.LawParameters;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;

/**
 * Runs every case against the loaded rules, maps provisions → rules → cases, and mutation-tests the rules: each
 * rule switched off in turn through the agenda (the compiled KieBase is reused, nothing is recompiled), and each
 * threshold nudged just past its value in both directions. A mutant no passing case notices is unpinned.
 */
public final class CoverageRunner {

    private final RuleBase rules;
    private final ProvisionRegister register;
    private final CaseRunner runner;

    public CoverageRunner(RuleBase rules, ProvisionRegister register) {
        this.rules = rules;
        this.register = register;
        this.runner = new CaseRunner(new Assessor(rules));
    }

    public CoverageReport run(List<TestCase> cases) {
        long start = System.nanoTime();

        // 1. Every case, plainly, counting which rules fired in it.
        Map<TestCase, Map<String, Integer>> fired = new ConcurrentHashMap<>();
        Map<TestCase, CaseResult> results = new ConcurrentHashMap<>();
        cases.parallelStream().forEach(c -> {
            Map<String, Integer> counts = new TreeMap<>();
            CaseResult r = runner.run(c, new Assessor.Options(Set.of(), Map.of(),
                    info -> counts.merge(info.id(), 1, Integer::sum)));
            fired.put(c, counts);
            results.put(c, r);
        });
        List<TestCase> passing = cases.stream().filter(c -> results.get(c).passed()).toList();

        // 2. Rules switched off one at a time; only the cases where the rule fired can notice.
        Map<String, List<String>> killers = new ConcurrentHashMap<>();
        rules.catalogue().parallelStream().forEach(rule -> {
            List<String> killedBy = passing.stream()
                    .filter(c -> fired.get(c).containsKey(rule.id()))
                    .filter(c -> !runner.run(c, new Assessor.Options(Set.of(rule.id()), Map.of(), null)).passed())
                    .map(TestCase::id).toList();
            killers.put(rule.id(), killedBy);
        });

        // 3. Thresholds nudged both ways just past their value on each case's date.
        List<ThresholdCoverage> thresholds = new ArrayList<>();
        for (LawParameters.Parameter p : rules.parameters().all().values()) {
            List<String> killedBy = Collections.synchronizedList(new ArrayList<>());
            for (int sign : new int[] {-1, 1}) {
                passing.parallelStream().forEach(c -> {
                    LawParameters.Value v = p.on(dateOf(results.get(c)));
                    if (v == null) {
                        return;
                    }
                    double value = v.value().doubleValue();
                    double nudged = value + sign * Math.max(Math.abs(value), 1.0) * 1e-6;
                    if (!runner.run(c, new Assessor.Options(Set.of(), Map.of(p.key(), nudged), null)).passed()) {
                        killedBy.add(c.id() + (sign < 0 ? " (lowered)" : " (raised)"));
                    }
                });
            }
            String citation = p.values().get(p.values().size() - 1).citation();
            thresholds.add(new ThresholdCoverage(p.key(), p.title(), citation, !killedBy.isEmpty(),
                    killedBy.stream().sorted().distinct().toList()));
        }

        return assemble(cases, results, fired, killers, thresholds, (System.nanoTime() - start) / 1_000_000);
    }

    private static LocalDate dateOf(CaseResult r) {
        return r.assessment() != null ? r.assessment().lawAsOf() : LocalDate.now(Assessor.VIETNAM);
    }

    private CoverageReport assemble(List<TestCase> cases, Map<TestCase, CaseResult> results,
                                    Map<TestCase, Map<String, Integer>> fired, Map<String, List<String>> killers,
                                    List<ThresholdCoverage> thresholds, long millis) {
        List<String> gate = new ArrayList<>();
        Map<String, RuleInfo> byId = rules.catalogue().stream()
                .collect(Collectors.toMap(RuleInfo::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));

        // Where each rule fired, and where it was in force and silent.
        Map<String, Map<String, Integer>> firedIn = new TreeMap<>();
        Map<String, List<String>> silentIn = new TreeMap<>();
        for (TestCase c : cases) {
            CaseResult r = results.get(c);
            if (r.assessment() == null) {
                continue;
            }
            Map<String, Integer> counts = fired.get(c);
            for (RuleInfo rule : rules.catalogue()) {
                Integer n = counts.get(rule.id());
                if (n != null) {
                    firedIn.computeIfAbsent(rule.id(), k -> new TreeMap<>()).put(c.id(), n);
                } else if (rule.inForceOn(r.assessment().lawAsOf())) {
                    silentIn.computeIfAbsent(rule.id(), k -> new ArrayList<>()).add(c.id());
                }
            }
        }

        // Cases.
        List<CaseCoverage> caseCoverage = new ArrayList<>();
        for (TestCase c : cases) {
            CaseResult r = results.get(c);
            caseCoverage.add(new CaseCoverage(c.id(), c.file().toString(), r.passed(),
                    String.valueOf(c.expectedVerdict()), String.valueOf(r.actualVerdict()), c.expectedFindings(),
                    r.actualFindings(), r.problems(), fired.get(c)));
            if (!r.passed()) {
                gate.add("case " + c.id() + " (" + c.file() + ") fails: " + String.join("; ", explain(r.problems())));
            }
        }

        // Rules.
        List<RuleCoverage> ruleCoverage = new ArrayList<>();
        List<String> unpinned = new ArrayList<>();
        for (RuleInfo rule : byId.values()) {
            Map<String, Integer> in = firedIn.getOrDefault(rule.id(), Map.of());
            List<String> killedBy = killers.getOrDefault(rule.id(), List.of());
            List<String> provisions = register.provisionsOf(rule.id());
            List<String> flags = new ArrayList<>();
            String colour = "GREEN";
            if (in.isEmpty()) {
                flags.add("never fired in any case");
                colour = "RED";
            } else if (!silentIn.containsKey(rule.id())) {
                flags.add("only ever seen firing: no case where it is in force and stays silent");
                colour = "AMBER";
            }
            boolean pinned = !killedBy.isEmpty();
            if (!pinned) {
                unpinned.add(rule.id());
                flags.add("unpinned: switching it off fails no case");
                colour = "RED";
                gate.add("rule " + rule.id() + " '" + rule.title() + "' (" + rule.file() + ", provision "
                        + (provisions.isEmpty() ? "none" : String.join(", ", provisions)) + ") is unpinned: "
                        + (in.isEmpty() ? "it fires in no case" : "switching it off fails none of the cases where it fires: " + in.keySet()));
            }
            if (provisions.isEmpty()) {
                flags.add("implements no provision of rules/provisions.yaml");
                if (!"RED".equals(colour)) {
                    colour = "AMBER";
                }
            }
            ruleCoverage.add(new RuleCoverage(rule.id(), rule.title(), rule.area() == null ? null : rule.area().name(),
                    rule.kind(), rule.citation().label(), provisions, in.values().stream().mapToInt(Integer::intValue).sum(),
                    in, silentIn.getOrDefault(rule.id(), List.of()).size(), pinned, killedBy, colour, flags));
        }

        // Provisions, in the catalogue's order.
        List<ProvisionCoverage> provisionCoverage = new ArrayList<>();
        int encoded = 0;
        int outOfScope = 0;
        for (ProvisionRegister.Entry p : register.entries()) {
            List<String> flags = new ArrayList<>();
            List<RuleUse> uses = new ArrayList<>();
            String colour;
            if (p.encoded()) {
                encoded++;
                boolean anyFired = false;
                for (String ruleId : p.rules()) {
                    RuleInfo rule = byId.get(ruleId);
                    if (rule == null) {
                        flags.add("lists rule " + ruleId + ", which does not exist");
                        gate.add("provision " + p.id() + " (" + p.citation() + ") lists rule " + ruleId + ", which does not exist in rules/");
                        uses.add(new RuleUse(ruleId, null, false, List.of(), List.of()));
                        continue;
                    }
                    List<String> in = List.copyOf(firedIn.getOrDefault(ruleId, Map.of()).keySet());
                    anyFired |= !in.isEmpty();
                    uses.add(new RuleUse(ruleId, rule.title(), true, in, silentIn.getOrDefault(ruleId, List.of())));
                    if (!in.isEmpty() && !silentIn.containsKey(ruleId)) {
                        flags.add("rule " + ruleId + " is only ever seen firing");
                    }
                    if (unpinned.contains(ruleId)) {
                        flags.add("rule " + ruleId + " is unpinned");
                    }
                }
                if (p.rules().isEmpty()) {
                    flags.add("ENCODED but lists no rule");
                    gate.add("provision " + p.id() + " (" + p.citation() + ") is ENCODED but lists no rule");
                } else if (!anyFired) {
                    flags.add("ENCODED but none of its rules fires in any case");
                    gate.add("provision " + p.id() + " (" + p.citation() + ") is ENCODED but none of its rules "
                            + p.rules() + " fires in any case");
                }
                boolean red = flags.stream().anyMatch(f -> f.contains("does not exist") || f.contains("unpinned")
                        || f.startsWith("ENCODED"));
                colour = red ? "RED" : flags.isEmpty() ? "GREEN" : "AMBER";
            } else if (ProvisionRegister.OUT_OF_SCOPE.equals(p.status())) {
                outOfScope++;
                colour = "GREY";
                if (p.reason() == null || p.reason().isBlank()) {
                    flags.add("OUT_OF_SCOPE without a reason");
                    gate.add("provision " + p.id() + " is OUT_OF_SCOPE without a reason");
                    colour = "RED";
                }
            } else {
                flags.add("not accounted for (status " + p.status() + ")");
                gate.add("provision " + p.id() + " (" + p.citation() + ") is not accounted for: status " + p.status());
                colour = "RED";
            }
            provisionCoverage.add(new ProvisionCoverage(p.id(), p.citation(), p.status(), p.reason(), colour, uses, flags));
        }

        List<String> unpinnedThresholds = thresholds.stream().filter(t -> !t.pinned()).map(ThresholdCoverage::key).toList();
        unpinnedThresholds.forEach(k -> gate.add("threshold " + k + " (rules/parameters.yaml) is unpinned: nudging it"
                + " just past its value either way fails no case"));
        int mutants = ruleCoverage.size() + thresholds.size();
        int pinned = (int) (ruleCoverage.stream().filter(RuleCoverage::pinned).count()
                + thresholds.stream().filter(ThresholdCoverage::pinned).count());
        int passed = (int) caseCoverage.stream().filter(CaseCoverage::passed).count();
        Summary summary = new Summary(register.entries().size(), encoded, outOfScope, ruleCoverage.size(),
                firedIn.size(), passed, caseCoverage.size() - passed,
                mutants == 0 ? 1.0 : Math.round(10000.0 * pinned / mutants) / 10000.0, unpinned, unpinnedThresholds,
                rules.version(), millis);
        return new CoverageReport(summary, provisionCoverage, ruleCoverage, caseCoverage, thresholds, gate);
    }

    /** Names, for each finding a case missed or gained, the rule and the provision it implements. */
    private List<String> explain(List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            String ruleId = p.replaceAll("^(expected finding did not appear|unexpected finding): ([A-Z]+-\\d{3}[a-z]?) .*$", "$2");
            if (!ruleId.equals(p)) {
                List<String> provisions = register.provisionsOf(ruleId);
                String title = rules.catalogue().stream().filter(r -> r.id().equals(ruleId)).map(RuleInfo::title)
                        .findFirst().orElse("no such rule");
                out.add(p + " [rule " + ruleId + " '" + title + "', provision "
                        + (provisions.isEmpty() ? "none" : String.join(", ", provisions)) + "]");
            } else {
                out.add(p);
            }
        }
        return out;
    }
}
