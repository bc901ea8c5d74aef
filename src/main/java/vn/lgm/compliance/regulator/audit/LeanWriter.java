package vn.lgm.compliance.regulator.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.lgm.compliance.engine.FindingCollector;
import vn.lgm.compliance.engine.ParameterValues;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Derived;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.engine.Entries;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * Lean audit lines: an assessment without what the rule catalogue already says. A full finding repeats, in every
 * line, its rule's title, area, citation, dates in force and two long texts; a lean finding keeps only what
 * differs from project to project — the rule id, the outcome, the facts it rests on and the facts it asks for (and
 * {@code asked: true} when it is the "cannot be decided" form) — and the line names its {@code rulesVersion}.
 * {@link #expand} rebuilds the full finding from the catalogue of that version ({@code GET
 * /api/v1/rules?version=}) and its parameters: title, area, citation and dates from the rule; explanation and
 * remediation from the rule's templates filled with the facts, the legal numbers in force on {@code lawAsOf}, and
 * the source note of the rule's confidence — as the finding builder made them. {@code LeanOutputTest} rebuilds
 * every case's findings and compares them with the full ones.
 */
public final class LeanWriter {

    /** How much each audit line says. */
    public enum Detail {
        FULL, LEAN;

        /** "lean" or "full" (any case); null or blank → null (the default applies). */
        public static Detail parse(String s) {
            if (s == null || s.isBlank()) {
                return null;
            }
            try {
                return valueOf(s.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("detail must be lean or full, not '" + s + "'");
            }
        }
    }

    /**
     * Above this input size {@code audit} writes lean lines unless told {@code --detail full}: 10 MB of input is
     * about 5,000 JSON records or 20,000 register rows, whose full output (about 13 KB a record, mostly the
     * catalogue's texts repeated) passes 60 MB — more than anyone reads line by line, where the lean output
     * (under 2 KB a record) keeps every fact and is expanded on demand.
     */
    public static final long LEAN_ABOVE_BYTES = 10L * 1024 * 1024;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeanAssessment(String projectId, Verdict verdict, LocalDate lawAsOf, String rulesVersion, String detail,
                                 Derived derived, List<LeanFinding> findings) {
    }

    /**
     * A finding without what the catalogue says: {@code otherRules} (ids) only when the finding rests on several
     * rules, {@code entries} only when they are more than its facts name (identical entries), {@code dependsOn} only
     * when a shown breach's weight turns on a fact not given.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LeanFinding(String ruleId, Outcome outcome, List<FactValue> facts, List<String> missingFacts,
                              Boolean asked, List<String> otherRules, List<String> entries, OutcomeDependence dependsOn) {
    }

    private LeanWriter() {
    }

    public static LeanAssessment lean(Assessment a) {
        List<LeanFinding> findings = new ArrayList<>(a.findings().size());
        for (Finding f : a.findings()) {
            findings.add(new LeanFinding(f.ruleId(), f.outcome(), f.facts(), f.missingFacts(),
                    asked(f) ? Boolean.TRUE : null,
                    f.otherRules().isEmpty() ? null : f.otherRules().stream().map(RuleRef::ruleId).toList(),
                    f.entries().equals(Entries.named(f.facts(), f.missingFacts())) ? null : f.entries(), f.dependsOn()));
        }
        return new LeanAssessment(a.projectId(), a.verdict(), a.lawAsOf(), a.rulesVersion(), "lean", a.derived(), findings);
    }

    /**
     * The "cannot be decided" form, whose texts name the missing facts instead of the rules': every
     * INSUFFICIENT_INFORMATION finding but a shown breach whose weight turns on a fact not given ({@code dependsOn}),
     * whose texts are its rules' (the engine reports a rule's own outcome only when a requirement fails; a rule whose
     * @outcome is INSUFFICIENT_INFORMATION requires only that facts be known, which never fails). The texts themselves
     * may be absent (an assessment without texts).
     */
    private static boolean asked(Finding f) {
        return f.outcome() == Outcome.INSUFFICIENT_INFORMATION && f.dependsOn() == null;
    }

    /** The full assessment, rebuilt from a lean line and the rules of its version. */
    public static Assessment expand(LeanAssessment lean, RuleBase rules) {
        if (!rules.version().equals(lean.rulesVersion())) {
            throw new IllegalArgumentException("the line was written with rules " + lean.rulesVersion()
                    + ", not " + rules.version());
        }
        Map<String, RuleInfo> byId = rules.catalogue().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
        // The parameters by the date a finding's rule is judged on (the assessment's, an issue's, an auction's).
        Map<LocalDate, ParameterValues> byDate = new java.util.HashMap<>(4);
        byDate.put(lean.lawAsOf(), rules.parameters().at(lean.lawAsOf()));
        List<Finding> findings = new ArrayList<>(lean.findings().size());
        for (LeanFinding f : lean.findings()) {
            List<RuleInfo> of = new ArrayList<>();
            for (String id : f.otherRules() == null ? List.of(f.ruleId())
                    : java.util.stream.Stream.concat(java.util.stream.Stream.of(f.ruleId()), f.otherRules().stream()).toList()) {
                RuleInfo rule = byId.get(id);
                if (rule == null) {
                    throw new IllegalArgumentException("rule " + id + " is not in the catalogue of " + rules.version());
                }
                of.add(rule);
            }
            RuleInfo rule = of.get(0);
            boolean undecided = Boolean.TRUE.equals(f.asked());
            List<String> entries = f.entries() != null ? f.entries() : Entries.named(f.facts(), f.missingFacts());
            // A rule judged on the auction's or the date explains itself by the law of that date.
            Function<RuleInfo, ParameterValues> p = r -> byDate.computeIfAbsent(
                    FindingCollector.judgedDate(r, f.facts(), lean.lawAsOf()), d -> rules.parameters().at(d));
            String explanation = FindingCollector.explanation(of, undecided, f.dependsOn(), f.facts(), f.missingFacts(),
                    entries, p, lean.lawAsOf());
            String remediation = FindingCollector.remediation(of, undecided, f.dependsOn(), f.facts(), f.missingFacts(),
                    p, lean.lawAsOf());
            List<RuleRef> others = of.subList(1, of.size()).stream()
                    .map(r -> new RuleRef(r.id(), r.title(), r.citation(), r.inForce())).toList();
            findings.add(new Finding(rule.id(), rule.title(), rule.area(), f.outcome(), rule.citation(), rule.inForce(),
                    f.facts(), explanation, remediation, f.missingFacts(), others, entries, f.dependsOn()));
        }
        return new Assessment(lean.projectId(), lean.verdict(), lean.lawAsOf(), lean.rulesVersion(), lean.derived(), findings);
    }
}
