package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.kie.api.runtime.rule.RuleContext;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Requirements;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.engine.req.Tri;
import vn.lgm.compliance.engine.facts.ExportLine;
import vn.lgm.compliance.engine.facts.MineralLine;
import vn.lgm.compliance.engine.facts.PartnerLine;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.contract.model.Stage;

/**
 * The one place findings are built. A rule's consequence calls {@link #breach} or {@link #require} with the
 * facts it rests on (JSON paths, or derived facts); everything else comes from the rule's metadata.
 *
 * <p>Three-valued reading of the facts: a rule's {@code when} part fires when the project breaks the provision
 * <em>or</em> a fact it needs is unknown; the consequence names the facts, split into the conditions that make the
 * rule apply and the requirements that must be true. A shown breach takes the rule's outcome (an OBLIGATION weighs
 * as a VIOLATION from the rule's {@code @dueAt} stage on); otherwise the finding is INSUFFICIENT_INFORMATION and
 * names the missing facts. Where a breach is shown but the fact that decides its weight is not given, the finding is
 * INSUFFICIENT_INFORMATION and says which fact decides and what each answer means ({@code dependsOn}): a verdict
 * claims no more than the facts show.
 *
 * <p>One act, one finding: the findings of rules that judge the same act ({@code @act}: the same legal question about
 * the same list entry) become one finding, its rule the most specific ({@code @actOrder}), naming the others
 * ({@code otherRules}). When one of them shows the breach, the others' open questions are not asked (no answer can
 * change the act's outcome). A finding about an entry that the description repeats identically is stated once and
 * names every copy ({@code entries}; the rules see the first, {@link Entries}).
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
    private final Entries entries;
    /** What each firing concluded, in firing order; the findings are made from them at the end. */
    private final List<Judgement> judgements = new ArrayList<>();

    /**
     * One rule's conclusion on one match: the act it judges (null when its finding stands alone), whether the breach is
     * shown, the outcome, the facts shown and asked, and for a shown breach of unknown weight what decides it.
     */
    private record Judgement(RuleInfo rule, String act, boolean shown, Outcome outcome, List<FactValue> facts,
                             List<String> missing, OutcomeDependence dependsOn) {
    }

    private final java.util.Map<String, Double> overrides;
    /** The parameters on the other dates rules are judged on (an issue date, an auction date), read once each. */
    private final java.util.Map<LocalDate, ParameterValues> otherParams = new java.util.HashMap<>(4);

    FindingCollector(Project project, RuleBase rules, ParameterValues params, LocalDate date,
            java.util.Map<String, Double> overrides, boolean texts, Entries entries) {
        this.texts = texts;
        this.entries = entries;
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
     * Decides the rule's conclusion, in three values: nothing when a condition is false or the requirements hold; the
     * rule's outcome when the conditions hold and a requirement is false (weighed: {@link #weigh}); otherwise
     * INSUFFICIENT_INFORMATION naming only the unknown facts whose answer could still change that (an ADVISORY rule
     * never asks: nothing).
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
        OutcomeDependence dependsOn = null;
        if (shown) {
            if (r.pending()) {
                // A duty whose period still runs (or that has none) is a step still to take, whatever its weight once due.
                outcome = Outcome.OBLIGATION;
            } else {
                dependsOn = weigh(rule);
                outcome = dependsOn == null ? weight(rule) : Outcome.INSUFFICIENT_INFORMATION;
                if (dependsOn != null) {
                    missing.add(dependsOn.fact());
                }
            }
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
        judgements.add(new Judgement(rule, act(rule, kcontext), shown, outcome, factList, missingFacts, dependsOn));
    }

    /**
     * The act a rule of an {@code @act} judges: the act's name and the list entries its match holds (the loader checks
     * that the rules of one act match the same kinds of entries), e.g. {@code export@exports[0]}.
     */
    private static String act(RuleInfo rule, RuleContext kcontext) {
        if (rule.act() == null) {
            return null;
        }
        StringBuilder key = new StringBuilder(rule.act());
        for (Object o : kcontext.getMatch().getObjects()) {
            String entry = o instanceof ExportLine x ? x.at("") : o instanceof MineralLine m ? m.at("")
                    : o instanceof PartnerLine p ? p.at("") : null;
            if (entry != null) {
                key.append('@').append(entry, 0, entry.length() - 1);
            }
        }
        return key.toString();
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

    /**
     * A finding's explanation in the engine's words: the rules' texts filled from the facts they show; for one that
     * cannot be decided ({@code undecided}), what it cannot decide and for want of which facts; for a breach whose
     * weight is not known, which fact decides it. Then the source notes.
     */
    public static String explanation(List<RuleInfo> rules, boolean undecided, OutcomeDependence dependsOn,
                                     List<FactValue> facts, List<String> missing, List<String> entries,
                                     Function<RuleInfo, ParameterValues> params, LocalDate date) {
        return FindingTexts.explanation(rules, undecided, dependsOn, facts, missing, entries, words(params, date));
    }

    /**
     * A finding's remediation in the engine's words: the rules' remedies filled from the facts; for one that cannot
     * be decided, first the facts to state, then each remedy in case the answer shows a breach — when the facts shown
     * fill it (a remedy naming a fact not yet given is left for the answer to bring).
     */
    public static String remediation(List<RuleInfo> rules, boolean undecided, OutcomeDependence dependsOn,
                                     List<FactValue> facts, List<String> missing,
                                     Function<RuleInfo, ParameterValues> params, LocalDate date) {
        return FindingTexts.remediation(rules, undecided, dependsOn, facts, missing, words(params, date));
    }

    /** The engine's own words: English, facts by their paths and raw values. */
    private static FindingTexts.Words words(Function<RuleInfo, ParameterValues> params, LocalDate date) {
        return new FindingTexts.Words() {
            @Override
            public String title(RuleInfo rule) {
                return rule.title();
            }

            @Override
            public String citation(RuleInfo rule) {
                return rule.citation().label();
            }

            @Override
            public Template explanation(RuleInfo rule) {
                return rule.explanationTemplate();
            }

            @Override
            public Template remediation(RuleInfo rule) {
                return rule.remediationTemplate();
            }

            @Override
            public Template.Formatter format(RuleInfo rule) {
                return Template.raw(params.apply(rule), date);
            }

            @Override
            public void undecided(StringBuilder out, List<String> provisions, List<String> missing) {
                out.append(String.join("; ", provisions)).append(". The description does not give ")
                        .append(String.join(", ", missing)).append(", so it cannot be decided whether the project meets ")
                        .append(provisions.size() == 1 ? "this provision." : "these provisions.");
            }

            @Override
            public void ask(StringBuilder out, List<String> missing) {
                out.append("State ").append(String.join(", ", missing)).append(" and assess again.");
            }

            @Override
            public String ifBreach() {
                return " If the answer shows a breach: ";
            }

            @Override
            public String also(String citation, String title) {
                return " The same act also comes under " + citation + " (" + title + "): ";
            }

            @Override
            public String forProvision(String citation) {
                return " For " + citation + ": ";
            }

            @Override
            public void dependence(StringBuilder out, OutcomeDependence d) {
                out.append(" The description does not give ").append(d.fact())
                        .append(", which decides whether this is a VIOLATION or a step still to take (OBLIGATION): ");
                for (int i = 0; i < d.answers().size(); i++) {
                    OutcomeDependence.Answer a = d.answers().get(i);
                    out.append(i == 0 ? "" : "; ").append(a.value()).append(" → ").append(a.outcome());
                }
                out.append('.');
            }

            @Override
            public void repeats(StringBuilder out, List<String> entries) {
                out.append(" The same holds for the identical entries ").append(String.join(", ", entries)).append('.');
            }

            @Override
            public String sourceNote(String confidence) {
                return FindingCollector.sourceNote(confidence);
            }
        };
    }

    /** A rule that matched twice on the same facts reports once (a project has a few findings: a scan is cheapest). */
    private boolean alreadyFound(String ruleId, Outcome outcome, List<FactValue> facts, List<String> missing) {
        for (Judgement f : judgements) {
            if (f.rule().id().equals(ruleId) && f.outcome() == outcome && f.facts().equals(facts)
                    && f.missing().equals(missing)) {
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

    /** The weight of a breach shown, when its due point is known (see {@link #weigh}). */
    private Outcome weight(RuleInfo rule) {
        if (rule.outcome() != Outcome.OBLIGATION) {
            return rule.outcome();
        }
        return dueAt(rule).reachedBy(project) ? Outcome.VIOLATION : Outcome.OBLIGATION;
    }

    /**
     * A shown breach of an OBLIGATION weighs as a VIOLATION once the project reaches the rule's due point. Null when
     * that is known (or the rule is not an OBLIGATION); otherwise what decides it — the finding is then
     * INSUFFICIENT_INFORMATION: a verdict claims no more than the facts show.
     */
    private OutcomeDependence weigh(RuleInfo rule) {
        if (rule.outcome() != Outcome.OBLIGATION || dueAt(rule).reachedBy(project) != null) {
            return null;
        }
        return dueAt(rule).dependence(project);
    }

    private static DuePoint dueAt(RuleInfo rule) {
        return rule.dueAt() == null ? DuePoint.LICENSED : rule.dueAt();
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

    /**
     * The findings: each judgement alone, but those about one act together — the breaches shown if any (no answer to
     * another rule's question can change the act's outcome then), else every open question — most specific first.
     */
    List<Finding> findings() {
        List<Finding> out = new ArrayList<>(judgements.size());
        Map<String, List<Judgement>> acts = null;
        for (Judgement j : judgements) {
            if (j.act() == null) {
                out.add(finding(List.of(j)));
            } else {
                if (acts == null) {
                    acts = new LinkedHashMap<>();
                }
                acts.computeIfAbsent(j.act(), k -> new ArrayList<>()).add(j);
            }
        }
        if (acts != null) {
            for (List<Judgement> act : acts.values()) {
                List<Judgement> members = act.stream().anyMatch(Judgement::shown)
                        ? act.stream().filter(Judgement::shown).toList() : act;
                out.add(finding(members.stream().sorted(Comparator.comparing((Judgement j) -> j.rule().actOrder())
                        .thenComparing(j -> j.rule().id())).toList()));
            }
        }
        out.sort(ORDER);
        return out;
    }

    /** One finding from the judgements of one act (or one judgement), its rule the first. */
    private Finding finding(List<Judgement> members) {
        Judgement lead = members.get(0);
        List<FactValue> facts = lead.facts();
        List<String> missing = lead.missing();
        List<RuleInfo> rulesOf = List.of(lead.rule());
        List<RuleRef> others = List.of();
        Outcome outcome = lead.outcome();
        if (members.size() > 1) {
            List<FactValue> allFacts = new ArrayList<>(facts);
            List<String> allMissing = new ArrayList<>(missing);
            List<RuleInfo> all = new ArrayList<>(List.of(lead.rule()));
            List<RuleRef> refs = new ArrayList<>();
            for (Judgement j : members.subList(1, members.size())) {
                j.facts().forEach(f -> addOnce(allFacts, f));
                j.missing().stream().filter(m -> !allMissing.contains(m)).forEach(allMissing::add);
                if (all.contains(j.rule())) {
                    continue;   // the same rule matched the act twice: its facts are shown, its provision named once
                }
                all.add(j.rule());
                refs.add(new RuleRef(j.rule().id(), j.rule().title(), j.rule().citation(), j.rule().inForce()));
                if (j.outcome().ordinal() < outcome.ordinal()) {
                    outcome = j.outcome();   // the rules of an act share their outcome and due point (checked at load)
                }
            }
            facts = List.copyOf(allFacts);
            missing = List.copyOf(allMissing);
            rulesOf = List.copyOf(all);
            others = List.copyOf(refs);
        }
        List<String> concerns = entries.of(facts, missing);
        String explanation = null;
        String remediation = null;
        if (texts) {
            Function<RuleInfo, ParameterValues> params = this::paramsFor;
            explanation = explanation(rulesOf, !lead.shown(), lead.dependsOn(), facts, missing, concerns, params, date);
            remediation = remediation(rulesOf, !lead.shown(), lead.dependsOn(), facts, missing, params, date);
        }
        RuleInfo rule = lead.rule();
        return new Finding(rule.id(), rule.title(), rule.area(), outcome, rule.citation(), rule.inForce(), facts,
                explanation, remediation, missing, others, concerns, lead.dependsOn());
    }
}
