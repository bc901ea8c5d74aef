package vn.lgm.compliance.regulator.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Derived;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.engine.Entries;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * Lean audit lines: an assessment without what the rule catalogue already says. A full finding repeats, in every
 * line, its rule's title, area, citation, dates in force and two long texts; a lean finding keeps only what
 * differs from project to project — the rule id, the outcome, the facts it rests on and the facts it asks for (and
 * {@code asked: true} when it is the "cannot be decided" form) — and the line names its {@code rulesVersion}.
 * {@link #expand} rebuilds the full finding from the catalogue of that version ({@code GET
 * /api/v1/rules?version=}) and its reader's texts: title, area, citation and dates from the rule; explanation and
 * remediation written for the reader from the rule's templates, filled with the facts and the legal numbers, with
 * the source note of the rule's confidence — as the full line writes them ({@code FindingLocalizer}).
 * {@code LeanOutputTest} rebuilds every case's findings and compares them with the full ones.
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

    /** The full assessment in English, rebuilt from a lean line and the rules of its version (see below). */
    public static Assessment expand(LeanAssessment lean, RuleBase rules) {
        return expand(lean, rules, "en", null);
    }

    /**
     * The full assessment, rebuilt from a lean line and the rules of its version, its findings written in the
     * language by the reader's texts of those rules ({@link FindingLocalizer}) as the full line writes them. With the
     * project the line was assessed from, the words are exactly the full line's; without it, an entry of a list is
     * always named by its number ("khoáng sản 1", even when the project has one), and a rule judged on the issue's
     * or the auction's date reads the legal numbers in force on the date the finding's facts show (else on
     * {@code lawAsOf}: {@code FindingCollector.judgedDate}).
     */
    public static Assessment expand(LeanAssessment lean, RuleBase rules, String lang, Project project) {
        if (!rules.version().equals(lean.rulesVersion())) {
            throw new IllegalArgumentException("the line was written with rules " + lean.rulesVersion()
                    + ", not " + rules.version());
        }
        Map<String, RuleInfo> byId = rules.catalogue().stream().collect(Collectors.toMap(RuleInfo::id, Function.identity()));
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
            List<String> entries = f.entries() != null ? f.entries() : Entries.named(f.facts(), f.missingFacts());
            List<RuleRef> others = of.subList(1, of.size()).stream()
                    .map(r -> new RuleRef(r.id(), r.title(), r.citation(), r.inForce())).toList();
            // the texts are the reader's, written below as the full line's are
            findings.add(new Finding(rule.id(), rule.title(), rule.area(), f.outcome(), rule.citation(), rule.inForce(),
                    f.facts(), null, null, f.missingFacts(), others, entries, f.dependsOn()));
        }
        Assessment bare = new Assessment(lean.projectId(), lean.verdict(), lean.lawAsOf(), lean.rulesVersion(), lean.derived(), findings);
        return FindingLocalizer.of(rules).localize(bare, project, lang);
    }
}
