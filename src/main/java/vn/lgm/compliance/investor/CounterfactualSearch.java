package vn.lgm.compliance.investor;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.engine.FactDomain;
import vn.lgm.compliance.contract.input.ProjectTree;

/**
 * Searches, with the engine itself, for the smallest set of fact changes that removes a VIOLATION or an OBLIGATION
 * without adding any other finding.
 *
 * <p>For one finding the search starts from the facts it rests on and the facts it asks for, tries every value of
 * their domains ({@link FactDomain}: yes/no, enum values, legal thresholds), one change at a time, and assesses
 * each changed project; of the single changes that succeed, the least one wins (a number by its relative change,
 * so owner's equity raised by a quarter beats the investment cut by four fifths). A change that removes the finding but brings another, or that changes what the finding
 * rests on, is a lead: the next round extends it with one change to the facts of what it brought (or of what the
 * finding now rests on). Rounds go up to {@link #MAX_CHANGES} changes; the first round that succeeds gives the
 * answer, so the set found is the smallest the search reached. Every assessment is memoised per request.
 *
 * <p>The plan for the whole project applies the fixes one after another (violations first), searching again on
 * the changed project each time, so the changes it lists were assessed together.
 *
 * <p>Every search ends: at {@link #BUDGET} assessments, at its deadline, or as soon as its client has left
 * ({@link Bounds}), whichever comes first; the answer then says so ({@code budgetReached}, {@code stoppedBy}) and
 * gives what was found until then. Checked before every assessment, so no assessment starts after the stop.
 */
public final class CounterfactualSearch {

    public static final int MAX_CHANGES = 4;
    /** Assessments one request may run. */
    public static final int BUDGET = 4000;
    private static final int LEADS_PER_ROUND = 24;

    /**
     * When a search must stop before its budget of assessments: a deadline on a clock (nanoseconds, as
     * {@link System#nanoTime()}), and whether the client that asked has gone.
     */
    public record Bounds(long deadlineNanos, LongSupplier clock, BooleanSupplier clientLeft) {

        /** No deadline and a client that stays: only the budget of assessments bounds the search. */
        public static final Bounds NONE = new Bounds(Long.MAX_VALUE, () -> 0L, () -> false);

        /** A deadline a given time after a start on {@link System#nanoTime()}, and a client to watch. */
        public static Bounds until(long startNanos, java.time.Duration limit, BooleanSupplier clientLeft) {
            return new Bounds(startNanos + limit.toNanos(), System::nanoTime, clientLeft);
        }

        Counterfactuals.StoppedBy stop() {
            if (clientLeft.getAsBoolean()) {
                return Counterfactuals.StoppedBy.CLIENT_LEFT;
            }
            return clock.getAsLong() - deadlineNanos >= 0 ? Counterfactuals.StoppedBy.TIME : null;
        }
    }

    private final Assessor assessor;
    /** Assessments every search of this object has made, and searches under way: what a monitor (and a test) reads. */
    private final LongAdder assessmentsMade = new LongAdder();
    private final AtomicInteger running = new AtomicInteger();
    private final Map<Counterfactuals.StoppedBy, LongAdder> stops = new java.util.EnumMap<>(Counterfactuals.StoppedBy.class);

    public CounterfactualSearch(Assessor assessor) {
        this.assessor = assessor;
        for (Counterfactuals.StoppedBy s : Counterfactuals.StoppedBy.values()) {
            stops.put(s, new LongAdder());
        }
    }

    public Counterfactuals search(Project project) {
        return search(project, Bounds.NONE);
    }

    public Counterfactuals search(Project project, Bounds bounds) {
        running.incrementAndGet();
        try {
            return new Run(project, bounds).run();
        } finally {
            running.decrementAndGet();
        }
    }

    /** Assessments made by every search so far. */
    public long assessmentsMade() {
        return assessmentsMade.sum();
    }

    /** Searches under way now. */
    public int running() {
        return running.get();
    }

    /** Searches that stopped for this reason so far. */
    public long stopped(Counterfactuals.StoppedBy why) {
        return stops.get(why).sum();
    }

    /**
     * Identities of what a finding states, across assessments: each of its rules with the list entry it is about (a
     * finding about one act may rest on several rules, and another of them may lead it after a change).
     */
    static List<String> keys(Finding f) {
        String at = at(f);
        return f.ruleIds().stream().map(id -> id + "@" + at).toList();
    }

    /**
     * What removing a finding means. A finding of one rule is removed when it is gone. A finding about one act that
     * breaks several provisions is removed when the act no longer weighs as a VIOLATION or an OBLIGATION under any of
     * them: lawful under each provision whose facts are given, open only where a fact is not (the verdict after says
     * so) — making an export lawful under five provisions would otherwise take more changes than the search makes.
     */
    private record Target(Set<String> ruleKeys, boolean act) {
        static Target of(Finding f) {
            return new Target(new LinkedHashSet<>(CounterfactualSearch.keys(f)), !f.otherRules().isEmpty());
        }

        /** The finding of the state that still states this target, or null. */
        Finding in(Assessment a) {
            for (Finding f : a.findings()) {
                if (CounterfactualSearch.keys(f).stream().anyMatch(ruleKeys::contains) && (!act || weighty(f))) {
                    return f;
                }
            }
            return null;
        }
    }

    static String at(Finding f) {
        List<String> paths = new ArrayList<>();
        f.facts().forEach(v -> paths.add(v.path()));
        paths.addAll(f.missingFacts());
        for (String p : paths) {
            int b = p.indexOf(']');
            if (b > 0 && !p.startsWith("minerals")) {
                return p.substring(0, b + 1);
            }
        }
        return null;
    }

    private static boolean weighty(Finding f) {
        return f.outcome() == Outcome.VIOLATION || f.outcome() == Outcome.OBLIGATION;
    }

    /** A state of the search: changes to the description, and the assessment they lead to. */
    private record State(Map<String, JsonNode> changes, ObjectNode tree, Assessment assessment) {
    }

    private final class Run {
        private final Project project;
        private final ObjectNode base;
        private final LocalDate date;
        private final Map<String, Assessment> memo = new HashMap<>();
        private final Bounds bounds;
        private int assessments;
        private Counterfactuals.StoppedBy stoppedBy;
        private boolean budgetReached;

        Run(Project project, Bounds bounds) {
            this.project = project;
            this.bounds = bounds;
            this.base = ProjectTree.of(project);
            this.date = project.assessmentDate() != null ? project.assessmentDate() : LocalDate.now(Assessor.VIETNAM);
        }

        Counterfactuals run() {
            State start = new State(Map.of(), base, assessor.assess(ProjectTree.project(base)));
            List<Counterfactuals.FindingFix> fixes = new ArrayList<>();
            for (Finding f : start.assessment().findings()) {
                if (weighty(f)) {
                    State fix = fix(start, Target.of(f));
                    fixes.add(new Counterfactuals.FindingFix(f.ruleId(), f.outcome(), at(f), fix != null,
                            fix == null ? List.of() : changes(fix.changes()),
                            fix == null ? null : fix.assessment().verdict()));
                }
            }
            Counterfactuals.ProjectFix plan = plan(start);
            if (stoppedBy != null) {
                stops.get(stoppedBy).increment();
            }
            return new Counterfactuals(fixes, plan, assessments, budgetReached, stoppedBy);
        }

        /** Fixes applied one after another, each searched on the project as the previous ones left it. */
        private Counterfactuals.ProjectFix plan(State start) {
            State cur = start;
            Set<String> unresolved = new LinkedHashSet<>();
            List<String> remaining = new ArrayList<>();
            for (int round = 0; round < 40; round++) {
                Finding target = cur.assessment().findings().stream()
                        .filter(CounterfactualSearch::weighty).filter(f -> keys(f).stream().noneMatch(unresolved::contains))
                        .min(Comparator.comparing(Finding::outcome)).orElse(null);
                if (target == null) {
                    break;
                }
                State fix = fix(cur, Target.of(target));
                if (fix == null) {
                    unresolved.addAll(keys(target));
                    remaining.add(target.ruleId());
                } else {
                    cur = fix;
                }
            }
            return new Counterfactuals.ProjectFix(changes(cur.changes()), start.assessment().verdict(),
                    cur.assessment().verdict(), remaining);
        }

        /** The smallest change set found that removes the target finding from the state without adding any, or null. */
        private State fix(State from, Target key) {
            Map<String, Outcome> allowed = new HashMap<>();
            from.assessment().findings().forEach(f -> keys(f).forEach(k ->
                    allowed.merge(k, f.outcome(), (x, y) -> x.ordinal() < y.ordinal() ? x : y)));
            List<State> leads = List.of(from);
            State best = null;
            for (int size = 1; size <= MAX_CHANGES && !leads.isEmpty(); size++) {
                if (best != null) {
                    return best;
                }
                List<State> next = new ArrayList<>();
                Set<String> seen = new HashSet<>();
                for (State lead : leads) {
                    Set<String> own = new HashSet<>();
                    addPaths(find(from.assessment(), key), own);
                    Finding now = find(lead.assessment(), key);
                    if (now != null) {
                        addPaths(now, own);
                    }
                    for (String path : paths(lead, from, key)) {
                        if (lead.changes().containsKey(path) || !FactDomain.changeable(path, project)) {
                            continue;
                        }
                        JsonNode current = ProjectTree.get(lead.tree(), path);
                        if (current == null && !own.contains(path)) {
                            continue; // an unknown fact is answered only when the finding itself turns on it
                        }
                        for (JsonNode value : FactDomain.alternatives(path, current, lead.tree(), assessor.rules().parameters(), date)) {
                            Map<String, JsonNode> changes = new LinkedHashMap<>(lead.changes());
                            changes.put(path, value);
                            if (!seen.add(new java.util.TreeMap<>(changes).toString())) {
                                continue;
                            }
                            ObjectNode tree = ProjectTree.with(lead.tree(), path, value);
                            Assessment a = assess(tree);
                            if (a == null) {
                                if (budgetReached) {
                                    return null;
                                }
                                continue;
                            }
                            State s = new State(changes, tree, a);
                            Finding still = find(a, key);
                            int added = added(a, allowed);
                            if (still == null && added == 0) {
                                if (size > 1) {
                                    return s;
                                }
                                // one change: every candidate is tried, and the least change wins
                                if (best == null || cost(s, lead.tree()) < cost(best, lead.tree())) {
                                    best = s;
                                }
                                continue;
                            }
                            if (still == null || !still.equals(find(lead.assessment(), key))) {
                                next.add(s); // progress: gone but brought others, or rests on other facts now
                            }
                        }
                    }
                }
                next.sort(Comparator.comparingInt((State s) -> find(s.assessment(), key) == null ? 0 : 1)
                        .thenComparingInt(s -> added(s.assessment(), allowed)));
                leads = next.size() > LEADS_PER_ROUND ? next.subList(0, LEADS_PER_ROUND) : next;
            }
            return best;
        }

        /** How much a one-change state changes: a yes/no or an enum counts 1, a number its relative change. */
        private double cost(State s, ObjectNode before) {
            double c = 0;
            for (Map.Entry<String, JsonNode> e : s.changes().entrySet()) {
                JsonNode was = ProjectTree.get(before, e.getKey());
                if (e.getValue().isNumber() && was != null && was.isNumber() && was.doubleValue() != 0) {
                    c += Math.min(1, Math.abs(e.getValue().doubleValue() - was.doubleValue()) / Math.abs(was.doubleValue()));
                } else {
                    c += 1;
                }
            }
            return c;
        }

        /** Facts to try from a state: those of the target finding, then those of findings the state brought. */
        private List<String> paths(State lead, State from, Target key) {
            Set<String> out = new LinkedHashSet<>();
            Finding t = find(lead.assessment(), key);
            if (t == null) {
                t = find(from.assessment(), key);
            }
            if (t != null) {
                addPaths(t, out);
            }
            if (lead != from) {
                Set<String> before = new HashSet<>();
                from.assessment().findings().forEach(f -> keys(f).forEach(k -> before.add(k + ":" + f.outcome())));
                for (Finding f : lead.assessment().findings()) {
                    if (keys(f).stream().anyMatch(k -> !before.contains(k + ":" + f.outcome()))) {
                        addPaths(f, out);
                    }
                }
            }
            return List.copyOf(out);
        }

        private void addPaths(Finding f, Set<String> out) {
            if (f == null) {
                return;
            }
            for (FactValue v : f.facts()) {
                out.add(v.path());
            }
            out.addAll(f.missingFacts());
        }

        /** The finding that still states the target, or null. */
        private Finding find(Assessment a, Target key) {
            return key.in(a);
        }

        /**
         * Findings the state brings: a finding not there before, or one that weighs more than before. A violation
         * that became an open question, or an obligation that became a question, was not added.
         */
        private int added(Assessment a, Map<String, Outcome> before) {
            int n = 0;
            for (Finding f : a.findings()) {
                for (String k : keys(f)) {
                    Outcome was = before.get(k);
                    if (was == null || f.outcome().ordinal() < was.ordinal()) {
                        n++;
                    }
                }
            }
            return n;
        }

        private Assessment assess(ObjectNode tree) {
            String k = tree.toString();
            Assessment a = memo.get(k);
            if (a != null || memo.containsKey(k)) {
                return a;
            }
            if (budgetReached) {
                return null;
            }
            Counterfactuals.StoppedBy stop = assessments >= BUDGET ? Counterfactuals.StoppedBy.ASSESSMENTS : bounds.stop();
            if (stop != null) {
                budgetReached = true;
                stoppedBy = stop;
                return null;
            }
            assessments++;
            assessmentsMade.increment();
            try {
                a = assessor.assess(ProjectTree.project(tree));
            } catch (RuntimeException e) {
                a = null;
            }
            memo.put(k, a);
            return a;
        }

        private List<Counterfactuals.Change> changes(Map<String, JsonNode> changes) {
            List<Counterfactuals.Change> out = new ArrayList<>();
            changes.forEach((path, to) -> out.add(new Counterfactuals.Change(path, plain(ProjectTree.get(base, path)), plain(to))));
            return out;
        }

        private Object plain(JsonNode n) {
            if (n == null || n.isNull()) {
                return null;
            }
            if (n.isBoolean()) {
                return n.booleanValue();
            }
            if (n.isIntegralNumber()) {
                return n.longValue();
            }
            if (n.isNumber()) {
                double d = n.doubleValue();
                return d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            return n.asText();
        }
    }
}
