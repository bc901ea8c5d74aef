package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.kie.api.runtime.rule.RuleContext;

import vn.lgm.compliance.facts.Check;
import vn.lgm.compliance.facts.Evidence;
import vn.lgm.compliance.model.FactValue;
import vn.lgm.compliance.model.Finding;
import vn.lgm.compliance.model.Outcome;
import vn.lgm.compliance.model.Project;

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

    private final Project project;
    private final RuleBase rules;
    private final ParameterValues params;
    private final LocalDate date;
    private final List<Finding> findings = new ArrayList<>();

    FindingCollector(Project project, RuleBase rules, ParameterValues params, LocalDate date) {
        this.project = project;
        this.rules = rules;
        this.params = params;
        this.date = date;
    }

    /** The assessment date: the law applied, and "today" for facts such as a licence's expiry. */
    public LocalDate date() {
        return date;
    }

    /** The rule is broken if every one of these facts is known: they are the conditions of the breach. */
    public void breach(RuleContext kcontext, Object... conditions) {
        emit(kcontext, conditions, NONE);
    }

    /** The law requires each of these facts to be true: one that is false shows the breach. */
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

        /** Given the conditions, the law requires each of these facts to be true. */
        public void require(Object... requirements) {
            emit(kcontext, conditions, requirements);
        }
    }

    /**
     * True when the date is known and falls before the firing rule came into force. Rules use it for the law's
     * transitional reach: a condition for granting a licence does not reach back to a licence issued before the
     * provision took effect (LGM Art 111(1); Law 147 Art 4(3)(a)), and a dossier received before a change may keep
     * the procedure and authority of its date of receipt (Law 147 Art 4(1)). The rule's own {@code @inForceFrom}
     * is the date compared against, so no date is written in a rule.
     */
    public boolean beforeInForce(RuleContext kcontext, LocalDate date) {
        return date != null && date.isBefore(rules.info(kcontext.getRule()).inForce().from());
    }

    private static final Object[] NONE = {};

    /**
     * Builds the finding. An unknown condition always leaves the question open (INSUFFICIENT_INFORMATION); with
     * the conditions known, a requirement that is false shows the breach, and otherwise an unknown requirement
     * leaves it open. Facts may be JSON paths into the project or {@link Evidence} (derived facts).
     */
    private void emit(RuleContext kcontext, Object[] conditions, Object[] requirements) {
        RuleInfo rule = rules.info(kcontext.getRule());
        List<FactValue> facts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean conditionUnknown = collect(conditions, facts, missing);
        boolean requirementFalse = false;
        for (Object r : requirements) {
            FactValue f = fact(r);
            if (f.value() == null) {
                missing.add(f.path());
            } else {
                addOnce(facts, f);
                requirementFalse |= r instanceof Check c ? !c.met() : Boolean.FALSE.equals(f.value());
            }
        }
        boolean shown = !conditionUnknown && (missing.isEmpty() || requirementFalse);
        Outcome outcome = shown ? weigh(rule, missing) : Outcome.INSUFFICIENT_INFORMATION;
        List<FactValue> shownFacts = List.copyOf(facts);
        List<String> missingFacts = List.copyOf(missing);
        if (alreadyFound(rule.id(), outcome, shownFacts, missingFacts)) {
            return;
        }
        StringBuilder explanation = new StringBuilder(512);
        StringBuilder remediation = new StringBuilder(512);
        if (shown) {
            rule.explanationTemplate().render(explanation, shownFacts, params, date);
        } else {
            String names = String.join(", ", missingFacts);
            explanation.append(rule.title()).append(" (").append(rule.citation().label())
                    .append("). The description does not give ").append(names)
                    .append(", so it cannot be decided whether the project meets this provision.");
            remediation.append("State ").append(names).append(" and assess again. If the answer shows a breach: ");
        }
        rule.remediationTemplate().render(remediation, shownFacts, params, date);
        explanation.append(sourceNote(rule.confidence()));
        findings.add(new Finding(rule.id(), rule.title(), rule.area(), outcome, rule.citation(), rule.inForce(),
                shownFacts, explanation.toString(), remediation.toString(), missingFacts));
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

    /** Adds the facts; returns true if any is unknown. */
    private boolean collect(Object[] evidence, List<FactValue> facts, List<String> missing) {
        boolean unknown = false;
        for (Object e : evidence) {
            FactValue f = fact(e);
            if (f.value() == null) {
                missing.add(f.path());
                unknown = true;
            } else {
                addOnce(facts, f);
            }
        }
        return unknown;
    }

    /** A fact named both as a condition and in a requirement is listed once. */
    private static void addOnce(List<FactValue> facts, FactValue f) {
        if (!facts.contains(f)) {
            facts.add(f);
        }
    }

    /** A path's value, or a derived fact; an empty list counts as not given. */
    private FactValue fact(Object e) {
        if (e instanceof Evidence ev) {
            return new FactValue(ev.path(), ev.value());
        }
        String path = (String) e;
        Object value = PathResolver.resolve(project, path);
        if (value instanceof java.util.Collection<?> c && c.isEmpty()) {
            value = null;
        }
        return new FactValue(path, value);
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

    private static String sourceNote(String confidence) {
        return switch (confidence) {
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
