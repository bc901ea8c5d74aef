package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Requirements;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.engine.req.Tri;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Stage;

/**
 * The one place findings are built. A rule's consequence calls {@link #breach} or {@link #require} with the
 * facts it rests on (JSON paths, or derived facts); everything else comes from the rule's metadata.
 *
 * <p>Three-valued reading of the facts: a rule's {@code when} part fires when the project breaks the provision
 * <em>or</em> a fact it needs is unknown; the consequence names the facts, split into the conditions that make the
 * rule apply and the requirements that must be true. A shown breach takes the rule's outcome (an OBLIGATION weighs
 * as a VIOLATION from the rule's {@code @dueAt} stage on); otherwise the finding is INSUFFICIENT_INFORMATION and
 * names the missing facts.
 */
public final class FindingCollector {

    private static final Comparator<Finding> ORDER = Comparator
            .comparing((Finding f) -> f.area().ordinal())
            .thenComparing(f -> f.outcome().ordinal())
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.facts().isEmpty() ? "" : f.facts().get(0).path());

    /** False for a lean audit line: the findings' texts are not written (they are rebuilt from the line on demand). */
    private final boolean texts;
    private final Project project;
    private final RuleBase rules;
    private final ParameterValues params;
    private final LocalDate date;
    private final List<Finding> findings = new ArrayList<>();

    private final java.util.Map<String, Double> overrides;
    /** The parameters on the other dates rules are judged on (an issue date, an auction date), read once each. */
    private final java.util.Map<LocalDate, ParameterValues> otherParams = new java.util.HashMap<>(4);

    FindingCollector(Project project, RuleBase rules, ParameterValues params, LocalDate date,
            java.util.Map<String, Double> overrides, boolean texts) {
        this.texts = texts;
        this.project = project;
        this.rules = rules;
        this.params = params;
        this.date = date;
        this.overrides = overrides;
    }

    /** The assessment date: the law applied, and "today" for facts such as a licence's expiry. */
    public LocalDate date() {
        return date;
    }

    /**
     * A prohibition (or, for an ADVISORY rule, the situation it speaks to): the rule's finding stands when every
     * condition holds. Conditions are requirements, JSON paths (facts shown) or derived facts.
     */
    public void breach(RuleContext kcontext, Object... conditions) {
        emit(kcontext, conditions, BREACHED);
    }

    /** The law requires each of these to hold; the rule's {@code when} has said it applies. */
    public void require(RuleContext kcontext, Object... requirements) {
        emit(kcontext, NONE, requirements);
    }

    /** Conditions under which the rule applies; follow with {@link Given#require(Object...)}. */
    public Given given(RuleContext kcontext, Object... conditions) {
        return new Given(kcontext, conditions);
    }

    public final class Given {
        private final RuleContext kcontext;
        private final Object[] conditions;

        private Given(RuleContext kcontext, Object[] conditions) {
            this.kcontext = kcontext;
            this.conditions = conditions;
        }

        /** Given the conditions, the law requires each of these to hold. */
        public void require(Object... requirements) {
            emit(kcontext, conditions, requirements);
        }
    }

    private static final Object[] NONE = {};
    private static final Object[] BREACHED = {(Requirement) facts -> new Result(Tri.FALSE, List.of(), List.of())};

    /**
     * Decides the finding, in three values: no finding when a condition is false or the requirements hold; the
     * rule's outcome when the conditions hold and a requirement is false; otherwise INSUFFICIENT_INFORMATION naming
     * only the unknown facts whose answer could still change that (an ADVISORY rule never asks: no finding).
     */
    private void emit(RuleContext kcontext, Object[] conditions, Object[] requirements) {
        RuleInfo rule = rules.info(kcontext.getRule());
        Facts facts = factsFor(rule);
        Result c = Result.and(evaluate(conditions, facts, false));
        Result r = Result.and(evaluate(requirements, facts, true));
        if (c.value() == Tri.FALSE || r.value() == Tri.TRUE) {
            return;
        }
        List<FactValue> shownFacts = new ArrayList<>(c.facts());
        for (FactValue f : r.facts()) {
            addOnce(shownFacts, f);
        }
        List<String> missing = new ArrayList<>();
        boolean shown = c.value() == Tri.TRUE && r.value() == Tri.FALSE;
        Outcome outcome;
        if (shown) {
            // A duty whose period still runs (or that has none) is a step still to take, whatever its weight once due.
            outcome = r.pending() ? Outcome.OBLIGATION : weigh(rule, missing);
        } else {
            if (rule.outcome() == Outcome.ADVISORY) {
                return;
            }
            outcome = Outcome.INSUFFICIENT_INFORMATION;
            if (c.value() == Tri.UNKNOWN) {
                missing.addAll(c.missing());
            }
            if (r.value() == Tri.UNKNOWN) {
                r.missing().forEach(m -> {
                    if (!missing.contains(m)) {
                        missing.add(m);
                    }
                });
            }
        }
        List<FactValue> factList = List.copyOf(shownFacts);
        List<String> missingFacts = List.copyOf(missing);
        if (alreadyFound(rule.id(), outcome, factList, missingFacts)) {
            return;
        }
        ParameterValues ruleParams = paramsFor(rule);
        String explanation = texts ? explanation(rule, !shown, factList, missingFacts, ruleParams, date) : null;
        String remediation = texts ? remediation(rule, !shown, factList, missingFacts, ruleParams, date) : null;
        findings.add(new Finding(rule.id(), rule.title(), rule.area(), outcome, rule.citation(), rule.inForce(),
                factList, explanation, remediation, missingFacts));
    }

    /** A path among the requirements is required true ({@code isTrue}); among the conditions it is a fact shown. */
    private static List<Result> evaluate(Object[] parts, Facts facts, boolean required) {
        List<Result> results = new ArrayList<>(parts.length);
        for (Object p : parts) {
            Requirement r = required && p instanceof String path ? Requirements.isTrue(path) : Requirements.of(p);
            results.add(r.evaluate(facts));
        }
        return results;
    }

    /**
     * The date a rule is judged on: a grant condition ({@code @judgedOn("ISSUE")}) by the law in force when the
     * licence was issued, once it has been; everything else by the law on the assessment date.
     */
    public static LocalDate judgedDate(RuleInfo rule, Project project, LocalDate assessmentDate) {
        LocalDate issued = project.licence().issuedOn();
        if (rule.judgedOn() == JudgedOn.ISSUE && project.stageAtLeast(Stage.LICENSED)
                && issued != null && !issued.isAfter(assessmentDate)) {
            return issued;
        }
        LocalDate auction = project.licence().auctionWonOn();
        if (rule.judgedOn() == JudgedOn.AUCTION && auction != null && !auction.isAfter(assessmentDate)) {
            return auction;
        }
        return assessmentDate;
    }

    /**
     * The date a finding was judged on, read back from the facts it shows (for a lean line, which keeps only the facts):
     * the auction's or the issue's date when the rule is judged on it and the finding shows it, on or before the
     * assessment date (and, for an issue, unless the finding shows a stage before LICENSED); else the assessment date.
     */
    public static LocalDate judgedDate(RuleInfo rule, List<FactValue> facts, LocalDate assessmentDate) {
        String path = rule.judgedOn() == JudgedOn.AUCTION ? EventOrder.AUCTION
                : rule.judgedOn() == JudgedOn.ISSUE ? EventOrder.ISSUE : null;
        LocalDate shown = null;
        for (FactValue f : facts) {
            if (f.path().equals(path) && f.value() != null) {
                shown = f.value() instanceof LocalDate d ? d : LocalDate.parse(f.value().toString());
            }
            if (f.path().equals("stage") && rule.judgedOn() == JudgedOn.ISSUE && f.value() != null
                    && Stage.valueOf(f.value().toString()).compareTo(Stage.LICENSED) < 0) {
                return assessmentDate;
            }
        }
        return shown != null && !shown.isAfter(assessmentDate) ? shown : assessmentDate;
    }

    private ParameterValues paramsFor(RuleInfo rule) {
        LocalDate judged = judgedDate(rule, project, date);
        if (judged.equals(date)) {
            return params;
        }
        return otherParams.computeIfAbsent(judged, d -> rules.parameters().at(d, overrides));
    }

    private Facts factsFor(RuleInfo rule) {
        ParameterValues p = paramsFor(rule);
        return new Facts() {
            @Override
            public Object value(String path) {
                // An omitted list is null (unknown); an empty list is given: none.
                return PathResolver.resolve(project, path);
            }

            @Override
            public double parameter(String key) {
                return p.number(key);
            }

            @Override
            public LocalDate today() {
                return date;
            }

            @Override
            public boolean everyIssueInReach() {
                LocalDate earliest = EventOrder.earliest(project, EventOrder.ISSUE, date);
                return rule.judgedOn() == JudgedOn.ISSUE && project.stageAtLeast(Stage.LICENSED)
                        && project.licence().issuedOn() == null && rule.inForce() != null
                        && earliest != null && !earliest.isBefore(rule.inForce().from());
            }

            @Override
            public LocalDate latest(String datePath) {
                return EventOrder.latest(project, datePath, date);
            }

            @Override
            public LocalDate earliest(String datePath) {
                LocalDate earliest = EventOrder.earliest(project, datePath, date);
                boolean judgedOnIt = rule.judgedOn() == JudgedOn.AUCTION && datePath.equals(EventOrder.AUCTION)
                        || rule.judgedOn() == JudgedOn.ISSUE && datePath.equals(EventOrder.ISSUE) && project.stageAtLeast(Stage.LICENSED);
                if (judgedOnIt && PathResolver.resolve(project, datePath) == null && rule.inForce() != null) {
                    // The rule reaches only an auction (an issue) on or after its first day: an earlier one is not held to it.
                    LocalDate reach = rule.inForce().from();
                    return earliest == null || reach.isAfter(earliest) ? reach : earliest;
                }
                return earliest;
            }

            @Override
            public double smallestParameter(String key, LocalDate from) {
                if (overrides.containsKey(key)) {
                    return overrides.get(key);
                }
                double smallest = p.number(key);
                LawParameters.Parameter parameter = rules.parameters().all().get(key);
                List<LawParameters.Value> values = parameter.values();
                for (int i = 0; i < values.size(); i++) {
                    LocalDate start = values.get(i).from();
                    LocalDate end = i + 1 < values.size() ? values.get(i + 1).from() : null;
                    boolean overlaps = !start.isAfter(date) && (end == null || end.isAfter(from));
                    if (overlaps) {
                        smallest = Math.min(smallest, values.get(i).value().doubleValue());
                    }
                }
                return smallest;
            }
        };
    }

    /** The start of the explanation of an INSUFFICIENT_INFORMATION finding, before the missing facts. */
    public static String undecidedPrefix(String title, String citationLabel) {
        return title + " (" + citationLabel + "). The description does not give ";
    }

    /**
     * A finding's explanation: the rule's, filled from the facts it shows; for one that cannot be decided
     * ({@code undecided}), what it cannot decide and for want of which facts. Then the source note.
     */
    public static String explanation(RuleInfo rule, boolean undecided, List<FactValue> facts, List<String> missing,
                                     ParameterValues params, LocalDate date) {
        StringBuilder out = new StringBuilder(512);
        if (undecided) {
            out.append(undecidedPrefix(rule.title(), rule.citation().label())).append(String.join(", ", missing))
                    .append(", so it cannot be decided whether the project meets this provision.");
        } else {
            rule.explanationTemplate().render(out, facts, params, date);
        }
        return out.append(sourceNote(rule.confidence())).toString();
    }

    /**
     * A finding's remediation: the rule's, filled from the facts it shows; for one that cannot be decided, first the
     * facts to state, then the rule's remedy in case the answer shows a breach — when the facts shown fill it (a remedy
     * naming a fact not yet given is left for the answer to bring).
     */
    public static String remediation(RuleInfo rule, boolean undecided, List<FactValue> facts, List<String> missing,
                                     ParameterValues params, LocalDate date) {
        StringBuilder out = new StringBuilder(512);
        Template remedy = rule.remediationTemplate();
        if (undecided) {
            out.append("State ").append(String.join(", ", missing)).append(" and assess again.");
            if (remedy == null || !remedy.complete(facts)) {
                return out.toString();
            }
            out.append(" If the answer shows a breach: ");
        }
        if (remedy != null) {
            remedy.render(out, facts, params, date);
        }
        return out.toString();
    }

    /** A rule that matched twice on the same facts reports once (a project has a few findings: a scan is cheapest). */
    private boolean alreadyFound(String ruleId, Outcome outcome, List<FactValue> facts, List<String> missing) {
        for (Finding f : findings) {
            if (f.ruleId().equals(ruleId) && f.outcome() == outcome && f.facts().equals(facts)
                    && f.missingFacts().equals(missing)) {
                return true;
            }
        }
        return false;
    }

    /** A fact named both as a condition and in a requirement is listed once. */
    private static void addOnce(List<FactValue> facts, FactValue f) {
        if (!facts.contains(f)) {
            facts.add(f);
        }
    }

    private Outcome weigh(RuleInfo rule, List<String> missing) {
        if (rule.outcome() != Outcome.OBLIGATION) {
            return rule.outcome();
        }
        DuePoint due = rule.dueAt() == null ? DuePoint.LICENSED : rule.dueAt();
        Boolean reached = due.reachedBy(project);
        if (reached == null) {
            // What decides the weight is unknown: the lesser weight is reported and the deciding fact asked for.
            missing.add(due.decidingFact(project));
            return Outcome.OBLIGATION;
        }
        return reached ? Outcome.VIOLATION : Outcome.OBLIGATION;
    }

    /** What every finding of a rule resting on secondary (S), unverified (M) or excerpted (V-ex) sources discloses. */
    public static String sourceNote(String confidence) {
        return switch (confidence == null ? "" : confidence) {
            case "S" -> " Source note: this provision is known to us only from secondary sources (news, law-firm or"
                    + " government summaries), not from the official text; verify before relying on it.";
            case "M" -> " Source note: this provision rests on unverified material (memory or inference), not on a"
                    + " text we have read; treat this finding as a lead and verify it.";
            case "V-ex" -> " Source note: only an excerpt of this provision was read.";
            default -> "";
        };
    }

    List<Finding> findings() {
        List<Finding> sorted = new ArrayList<>(findings);
        sorted.sort(ORDER);
        return sorted;
    }
}
