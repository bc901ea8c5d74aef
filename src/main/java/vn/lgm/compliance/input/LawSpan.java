package vn.lgm.compliance.input;

import java.time.LocalDate;

import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;

/**
 * The dates the rules can answer for: from the earliest date a findings rule judged on the assessment date is in
 * force (definitions and grant conditions judged on a licence's issue date reach further back, but say nothing of an
 * assessment date), to the end of 2099 (no rule is read as reaching further). An assessment date outside it is refused rather than answered with
 * an empty COMPLIANT (contract: "The law as of a date").
 */
public record LawSpan(LocalDate from, LocalDate to) {

    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

    public static LawSpan of(RuleBase rules) {
        LocalDate from = rules.catalogue().stream()
                .filter(r -> !r.isDefinition() && r.judgedOn() == vn.lgm.compliance.engine.JudgedOn.ASSESSMENT)
                .map(RuleInfo::inForce).filter(f -> f != null && f.from() != null)
                .map(f -> f.from()).min(LocalDate::compareTo).orElse(LocalDate.of(2025, 7, 1));
        return new LawSpan(from, LATEST);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** The problem with a date outside the span, at the given path; null when the date is within it. */
    public InputError check(String path, LocalDate date) {
        if (date == null || contains(date)) {
            return null;
        }
        return new InputError(path, "the rules encode the law from " + from + " to " + to + "; " + date
                + " is outside that span, so no answer would mean anything");
    }
}
