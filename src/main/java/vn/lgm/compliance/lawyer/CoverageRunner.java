package vn.lgm.compliance.lawyer;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.lgm.compliance.engine.cases.CaseResult;
import vn.lgm.compliance.engine.cases.CaseRunner;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.lawyer.CoverageReport.CaseCoverage;
import vn.lgm.compliance.lawyer.CoverageReport.ProvisionCoverage;
import vn.lgm.compliance.lawyer.CoverageReport.RuleCoverage;
import vn.lgm.compliance.lawyer.CoverageReport.RuleUse;
import vn.lgm.compliance.lawyer.CoverageReport.Summary;
import vn.lgm.compliance.lawyer.CoverageReport.ThresholdCoverage;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Json;
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

    /** Where a run is: its phase and how much of the phase is done. */
    public record Progress(String phase, int done, int total) {
    }

    private volatile Progress progress = new Progress("waiting", 0, 0);
    private final AtomicInteger done = new AtomicInteger();

    /** What a run leaves behind, so the next run after an edit reruns only what the edit touches. */
    private record State(Map<String, String> caseFingerprints, RuleFingerprints.Fingerprints ruleFingerprints,
                         Map<String, LawParameters.Parameter> parameters, Map<String, CaseResult> results,
                         Map<String, Map<String, Integer>> fired, Map<String, Set<String>> ruleKills,
                         Map<String, Set<String>> thresholdKills, Map<String, Set<String>> mutantExtras) {
    }

    private volatile State state;
    private volatile String rerunSummary;

    /** The progress of the run under way (or of the last one). */
    public Progress progress() {
        Progress p = progress;
        return new Progress(p.phase(), Math.min(done.get(), p.total()), p.total());
    }

    /** After {@link #rerun}: what was rerun ("488 cases, 3 rule mutants, 120 threshold runs"). */
    public String rerunSummary() {
        return rerunSummary;
    }

    private void phase(String name, int total) {
        done.set(0);
        progress = new Progress(name, 0, total);
    }

    /** Everything: every case, every rule mutant, every threshold mutant. */
    public CoverageReport run(List<TestCase> cases) {
        return run(cases, null);
    }

    /**
     * After an edit: the new rules and cases checked against the state of {@code previous} (a runner on the rules
     * before the edit). Every case is run again (a few hundred assessments: cheap, and a changed rule may now fire
     * anywhere); a case is <em>touched</em> when it is new or edited, when its result or the rules that fired in it
     * changed, or when a changed rule fired in it before or now. Mutants are then rerun only where they can differ:
     * a changed rule's mutant on every case where it fires, any rule's mutant on the touched cases, and each
     * threshold on the touched cases (on every case if its values changed), and any mutant run in which a changed
     * rule fired the last time though it did not fire in the case's plain run (a rule off or a threshold nudged can
     * make another rule fire; each mutant run records such rules). The other results are taken from the previous
     * run, which saw the same rules and the same cases. (A run is identical to its previous one until a changed rule
     * fires in it; a rule whose condition did not change fires in it exactly when it did before. A rule whose
     * condition changed could now fire, in a mutant run only, where it fired in no run before: that run is not
     * rerun, a limit of the incremental check that the full {@code coverage} run does not have.)
     *
     * <p>A rule whose reader texts alone were edited ({@code @title}, {@code @titleVi}, {@code @explanation},
     * {@code @remediation}: the same outcome fingerprint, see {@link RuleFingerprints}) is not a changed rule here:
     * no run of any case can pass or fail differently for it, so its mutants and the cases where it fires are
     * not rerun for it. Every case is still run again plainly on the new rules, so its new texts are what the
     * report's assessments carry, and a case whose result or fired rules nonetheless differed would be touched.
     */
    public CoverageReport rerun(List<TestCase> cases, CoverageRunner previous) {
        return run(cases, previous == null ? null : previous.state, null);
    }

    /**
     * As {@link #rerun(List, CoverageRunner)}, and as soon as the gate is decided — before the mutant runs that only
     * fill in the report's lists of killers — {@code onGate} is given a report whose gate failures, case results,
     * pinned/unpinned rules and thresholds and mutation score are already those of the complete report (only its
     * lists of killers may be shorter), with a line saying what ran to decide it. {@code coverage --watch} prints
     * what broke from it.
     */
    public CoverageReport rerun(List<TestCase> cases, CoverageRunner previous,
                                java.util.function.BiConsumer<CoverageReport, String> onGate) {
        return run(cases, previous == null ? null : previous.state, onGate);
    }

    private CoverageReport run(List<TestCase> cases, State before) {
        return run(cases, before, null);
    }

    private CoverageReport run(List<TestCase> cases, State before,
                               java.util.function.BiConsumer<CoverageReport, String> onGate) {
        long start = System.nanoTime();
        Map<String, String> caseFingerprints = new ConcurrentHashMap<>();
        cases.parallelStream().forEach(c -> caseFingerprints.put(c.id(), fingerprint(c)));
        RuleFingerprints.Fingerprints ruleFingerprints = RuleFingerprints.of(rules);
        // Changed: the rule's outcome fingerprint differs (or the rule is new). Texts only: its reader texts alone
        // differ, which no case's result reads (RuleFingerprints), so nothing is rerun for it beyond the plain cases.
        Set<String> changedRules = new TreeSet<>();
        Set<String> textsOnly = new TreeSet<>();
        for (Map.Entry<String, String> e : ruleFingerprints.outcome().entrySet()) {
            if (before == null || !e.getValue().equals(before.ruleFingerprints().outcome().get(e.getKey()))) {
                changedRules.add(e.getKey());
            } else if (!ruleFingerprints.full().get(e.getKey()).equals(before.ruleFingerprints().full().get(e.getKey()))) {
                textsOnly.add(e.getKey());
            }
        }
        long fingerprinted = System.nanoTime();

        // 1. Every case, plainly, counting which rules fired in it.
        phase("cases", cases.size());
        Map<TestCase, Map<String, Integer>> fired = new ConcurrentHashMap<>();
        Map<TestCase, CaseResult> results = new ConcurrentHashMap<>();
        cases.parallelStream().forEach(c -> {
            Map<String, Integer> counts = new TreeMap<>();
            CaseResult r = runner.run(c, new Assessor.Options(Set.of(), Map.of(),
                    info -> counts.merge(info.id(), 1, Integer::sum)));
            fired.put(c, counts);
            results.put(c, r);
            done.incrementAndGet();
        });
        long casesRun = System.nanoTime();
        List<TestCase> passing = cases.stream().filter(c -> results.get(c).passed()).toList();
        Set<String> touched = new HashSet<>();
        for (TestCase c : cases) {
            if (before == null || !caseFingerprints.get(c.id()).equals(before.caseFingerprints().get(c.id()))
                    || !fired.get(c).equals(before.fired().get(c.id()))
                    || !sameResult(results.get(c), before.results().get(c.id()))
                    || changedRules.stream().anyMatch(r -> fired.get(c).containsKey(r)
                            || before.fired().getOrDefault(c.id(), Map.of()).containsKey(r))) {
                touched.add(c.id());
            }
        }

        // 2. Rules switched off one at a time; only the cases where the rule fired can notice.
        Map<String, Set<String>> ruleKills = new ConcurrentHashMap<>();
        Map<String, Set<String>> mutantExtras = new ConcurrentHashMap<>();
        List<Map.Entry<RuleInfo, TestCase>> ruleRuns = new ArrayList<>();
        for (RuleInfo rule : rules.catalogue()) {
            boolean all = before == null || changedRules.contains(rule.id()) || !before.ruleKills().containsKey(rule.id());
            Set<String> kept = ConcurrentHashMap.newKeySet();
            for (TestCase c : passing) {
                if (!fired.get(c).containsKey(rule.id())) {
                    continue;
                }
                String key = ruleRunKey(rule.id(), c);
                if (all || touched.contains(c.id()) || firedAnyOf(before, key, changedRules)) {
                    ruleRuns.add(Map.entry(rule, c));
                    continue;
                }
                if (before.ruleKills().get(rule.id()).contains(c.id())) {
                    kept.add(c.id());
                }
                if (before.mutantExtras().containsKey(key)) {
                    mutantExtras.put(key, before.mutantExtras().get(key));
                }
            }
            ruleKills.put(rule.id(), kept);
        }

        // 3. Thresholds nudged both ways just past their value on each case's date.
        Map<String, Set<String>> thresholdKills = new ConcurrentHashMap<>();
        List<Object[]> thresholdRuns = new ArrayList<>();
        for (LawParameters.Parameter p : rules.parameters().all().values()) {
            boolean all = before == null || !p.equals(before.parameters().get(p.key()))
                    || !before.thresholdKills().containsKey(p.key());
            Set<String> kept = ConcurrentHashMap.newKeySet();
            for (TestCase c : passing) {
                for (int sign : new int[] {-1, 1}) {
                    Object[] run = {p, c, sign};
                    String key = thresholdRunKey(run);
                    if (all || touched.contains(c.id()) || firedAnyOf(before, key, changedRules)) {
                        thresholdRuns.add(run);
                        continue;
                    }
                    if (before.thresholdKills().get(p.key()).contains(thresholdKey(run))) {
                        kept.add(thresholdKey(run));
                    }
                    if (before.mutantExtras().containsKey(key)) {
                        mutantExtras.put(key, before.mutantExtras().get(key));
                    }
                }
            }
            thresholdKills.put(p.key(), kept);
        }

        // 2a/3a. With a listener, the gate first: a rule or threshold is pinned as soon as one case kills its
        // mutant. One with a kill kept from the previous run (on an untouched case: the same rules and the same
        // case, so the same result) is pinned already; for each of the others its runs go, previous killers first,
        // until one kills or none is left. That decides every pinned/unpinned exactly, so the gate (which reads
        // the cases' results, where rules fired, and pinned or not, never the full lists of killers) is exactly
        // the one the complete run gives; the remaining runs then fill in the lists of killers for the report.
        boolean[] ruleDone = new boolean[ruleRuns.size()];
        boolean[] thresholdDone = new boolean[thresholdRuns.size()];
        long gateDecided = System.nanoTime();
        int gateRuns = 0;
        if (before != null && onGate != null) {
            phase("mutants deciding the gate", 0);
            Map<String, List<Integer>> undecidedRules = new TreeMap<>();
            for (int i = 0; i < ruleRuns.size(); i++) {
                String id = ruleRuns.get(i).getKey().id();
                if (ruleKills.get(id).isEmpty()) {
                    undecidedRules.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                }
            }
            Map<String, List<Integer>> undecidedThresholds = new TreeMap<>();
            for (int i = 0; i < thresholdRuns.size(); i++) {
                String key = ((LawParameters.Parameter) thresholdRuns.get(i)[0]).key();
                if (thresholdKills.get(key).isEmpty()) {
                    undecidedThresholds.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            AtomicInteger ran = new AtomicInteger();
            undecidedRules.forEach((id, runs) -> runs.sort(java.util.Comparator.comparing((Integer i) ->
                    !before.ruleKills().getOrDefault(id, Set.of()).contains(ruleRuns.get(i).getValue().id()))));
            undecidedThresholds.forEach((key, runs) -> runs.sort(java.util.Comparator.comparing((Integer i) ->
                    !before.thresholdKills().getOrDefault(key, Set.of()).contains(thresholdKey(thresholdRuns.get(i))))));
            List<Runnable> deciders = new ArrayList<>();
            undecidedRules.values().forEach(runs -> deciders.add(() -> {
                for (int i : runs) {
                    ruleDone[i] = true;
                    ran.incrementAndGet();
                    if (runRule(ruleRuns.get(i), ruleKills, fired, mutantExtras)) {
                        return;
                    }
                }
            }));
            undecidedThresholds.values().forEach(runs -> deciders.add(() -> {
                for (int i : runs) {
                    thresholdDone[i] = true;
                    ran.incrementAndGet();
                    if (runThreshold(thresholdRuns.get(i), results, thresholdKills, fired, mutantExtras)) {
                        return;
                    }
                }
            }));
            deciders.parallelStream().forEach(Runnable::run);
            gateRuns = ran.get();
            gateDecided = System.nanoTime();
            CoverageReport gate = assemble(cases, results, fired, killers(ruleKills), thresholds(thresholdKills),
                    (gateDecided - start) / 1_000_000);
            onGate.accept(gate, "changed rules " + changedRules + (textsOnly.isEmpty() ? "" : ", texts only " + textsOnly)
                    + ", touched cases " + touched.size() + ": " + cases.size() + " cases, " + gateRuns + " of "
                    + (ruleRuns.size() + thresholdRuns.size()) + " mutant runs to decide the gate [fingerprints "
                    + ms(start, fingerprinted) + " ms, cases " + ms(fingerprinted, casesRun) + " ms, mutants "
                    + ms(casesRun, gateDecided) + " ms]");
        }

        // 2b. Every rule mutant (not run above).
        phase("rule mutants", ruleRuns.size());
        java.util.stream.IntStream.range(0, ruleRuns.size()).parallel().forEach(i -> {
            if (!ruleDone[i]) {
                runRule(ruleRuns.get(i), ruleKills, fired, mutantExtras);
            }
            done.incrementAndGet();
        });
        long rulesMutated = System.nanoTime();
        Map<String, List<String>> killers = killers(ruleKills);

        // 3b. Every threshold mutant (not run above).
        phase("threshold mutants", thresholdRuns.size());
        java.util.stream.IntStream.range(0, thresholdRuns.size()).parallel().forEach(i -> {
            if (!thresholdDone[i]) {
                runThreshold(thresholdRuns.get(i), results, thresholdKills, fired, mutantExtras);
            }
            done.incrementAndGet();
        });
        long thresholdsNudged = System.nanoTime();
        List<ThresholdCoverage> thresholds = thresholds(thresholdKills);

        Map<String, CaseResult> resultsById = new HashMap<>();
        Map<String, Map<String, Integer>> firedById = new HashMap<>();
        cases.forEach(c -> {
            resultsById.put(c.id(), results.get(c));
            firedById.put(c.id(), fired.get(c));
        });
        this.state = new State(caseFingerprints, ruleFingerprints, new HashMap<>(rules.parameters().all()), resultsById,
                firedById, ruleKills, thresholdKills, mutantExtras);
        phase("done", 0);
        CoverageReport report = assemble(cases, results, fired, killers, thresholds, (System.nanoTime() - start) / 1_000_000);
        long assembled = System.nanoTime();
        this.rerunSummary = (before == null ? "full run: " : "changed rules " + changedRules
                + (textsOnly.isEmpty() ? "" : ", texts only " + textsOnly) + ", touched cases " + touched.size() + ": ")
                + cases.size() + " cases, " + ruleRuns.size() + " rule-mutant runs, " + thresholdRuns.size()
                + " threshold runs [fingerprints " + ms(start, fingerprinted) + " ms, cases " + ms(fingerprinted, casesRun)
                + (before != null && onGate != null ? " ms, gate " + ms(casesRun, gateDecided) + " ms (" + gateRuns
                        + " runs)," : " ms,")
                + " rule mutants " + ms(gateDecided, rulesMutated) + " ms, threshold mutants "
                + ms(rulesMutated, thresholdsNudged) + " ms, report " + ms(thresholdsNudged, assembled) + " ms]";
        return report;
    }

    /**
     * Runs the case with the rule switched off; true (and recorded) when the case then fails. The rules that fired in
     * this run but not in the case's plain run are recorded under the run's key.
     */
    private boolean runRule(Map.Entry<RuleInfo, TestCase> run, Map<String, Set<String>> ruleKills,
                            Map<TestCase, Map<String, Integer>> fired, Map<String, Set<String>> mutantExtras) {
        TestCase c = run.getValue();
        Set<String> extra = new TreeSet<>();
        Map<String, Integer> plain = fired.get(c);
        boolean failed = !runner.run(c, new Assessor.Options(Set.of(run.getKey().id()), Map.of(),
                info -> extraFiring(plain, extra, info))).passed();
        if (!extra.isEmpty()) {
            mutantExtras.put(ruleRunKey(run.getKey().id(), c), extra);
        }
        if (failed) {
            ruleKills.get(run.getKey().id()).add(c.id());
            return true;
        }
        return false;
    }

    private static void extraFiring(Map<String, Integer> plain, Set<String> extra, RuleInfo info) {
        if (!plain.containsKey(info.id())) {
            extra.add(info.id());
        }
    }

    private static String ruleRunKey(String ruleId, TestCase c) {
        return "rule " + ruleId + " off: " + c.id();
    }

    private static String thresholdRunKey(Object[] run) {
        return "threshold " + ((LawParameters.Parameter) run[0]).key() + ": " + thresholdKey(run);
    }

    /** True when one of the rules fired in the previous run of this mutant though not in the case's plain run. */
    private static boolean firedAnyOf(State before, String runKey, Set<String> rules) {
        Set<String> extra = before.mutantExtras().get(runKey);
        return extra != null && extra.stream().anyMatch(rules::contains);
    }

    /** Runs the case with the threshold nudged; true (and recorded) when the case then fails. */
    private boolean runThreshold(Object[] run, Map<TestCase, CaseResult> results, Map<String, Set<String>> thresholdKills,
                                 Map<TestCase, Map<String, Integer>> fired, Map<String, Set<String>> mutantExtras) {
        LawParameters.Parameter p = (LawParameters.Parameter) run[0];
        TestCase c = (TestCase) run[1];
        int sign = (Integer) run[2];
        LawParameters.Value v = p.on(dateOf(results.get(c)));
        if (v != null) {
            double value = v.value().doubleValue();
            double nudged = value + sign * Math.max(Math.abs(value), 1.0) * 1e-6;
            Set<String> extra = new TreeSet<>();
            Map<String, Integer> plain = fired.get(c);
            boolean failed = !runner.run(c, new Assessor.Options(Set.of(), Map.of(p.key(), nudged),
                    info -> extraFiring(plain, extra, info))).passed();
            if (!extra.isEmpty()) {
                mutantExtras.put(thresholdRunKey(run), extra);
            }
            if (failed) {
                thresholdKills.get(p.key()).add(thresholdKey(run));
                return true;
            }
        }
        return false;
    }

    private static String thresholdKey(Object[] run) {
        return ((TestCase) run[1]).id() + ((Integer) run[2] < 0 ? " (lowered)" : " (raised)");
    }

    private static Map<String, List<String>> killers(Map<String, Set<String>> ruleKills) {
        Map<String, List<String>> killers = new HashMap<>();
        ruleKills.forEach((rule, kills) -> killers.put(rule, kills.stream().sorted().toList()));
        return killers;
    }

    private List<ThresholdCoverage> thresholds(Map<String, Set<String>> thresholdKills) {
        List<ThresholdCoverage> thresholds = new ArrayList<>();
        for (LawParameters.Parameter p : rules.parameters().all().values()) {
            List<String> killedBy = thresholdKills.get(p.key()).stream().sorted().toList();
            String citation = p.values().get(p.values().size() - 1).citation();
            thresholds.add(new ThresholdCoverage(p.key(), p.title(), citation, !killedBy.isEmpty(), killedBy));
        }
        return thresholds;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static boolean sameResult(CaseResult now, CaseResult then) {
        return then != null && now.passed() == then.passed() && now.actualFindings().equals(then.actualFindings())
                && java.util.Objects.equals(now.actualVerdict(), then.actualVerdict());
    }

    /** A case's identity for reruns: its project and what it expects. */
    private static String fingerprint(TestCase c) {
        try {
            return c.file() + "|" + Json.json().writeValueAsString(c.project()) + "|" + c.expectedVerdict() + "|"
                    + c.expectedFindings() + "|" + c.expectedDerived() + "|" + c.errors();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return c.file() + "|" + UUID.randomUUID();
        }
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

        // Where each rule fired, and where it was in force and silent; and where a finding rule gave a finding (a
        // rule whose consequence runs may still find nothing: only a finding shows its provision at work).
        Map<String, Map<String, Integer>> firedIn = new TreeMap<>();
        Map<String, List<String>> silentIn = new TreeMap<>();
        Set<String> found = new HashSet<>();
        for (TestCase c : cases) {
            CaseResult r = results.get(c);
            if (r.assessment() == null) {
                continue;
            }
            r.assessment().findings().forEach(f -> found.add(f.ruleId()));
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
                    anyFired |= !in.isEmpty() && (rule.isDefinition() || found.contains(ruleId));
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
                    flags.add("ENCODED but no case makes any of its rules fire (a finding, or a definition derived)");
                    gate.add("provision " + p.id() + " (" + p.citation() + ") is ENCODED but no case makes any of its rules "
                            + p.rules() + " fire: none gives a finding (or derives its definition) in any case");
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

    /**
     * Names, for each finding a case missed or gained, the rule and the provision it implements — each rule of a
     * finding about one act ("EXP-001+EXP-005 VIOLATION").
     */
    private List<String> explain(List<String> problems) {
        List<String> out = new ArrayList<>();
        for (String p : problems) {
            String ids = p.replaceAll("^(expected finding did not appear|unexpected finding): ([A-Z]+-\\d{3}[a-z]?(?:\\+[A-Z]+-\\d{3}[a-z]?)*) .*$", "$2");
            if (ids.equals(p)) {
                out.add(p);
                continue;
            }
            List<String> named = new ArrayList<>();
            for (String ruleId : ids.split("\\+")) {
                List<String> provisions = register.provisionsOf(ruleId);
                String title = rules.catalogue().stream().filter(r -> r.id().equals(ruleId)).map(RuleInfo::title)
                        .findFirst().orElse("no such rule");
                named.add("rule " + ruleId + " '" + title + "', provision "
                        + (provisions.isEmpty() ? "none" : String.join(", ", provisions)));
            }
            out.add(p + " [" + String.join("; ", named) + "]");
        }
        return out;
    }
}
