package vn.lgm.compliance.contract.input;

import java.time.LocalDate;

/**
 * The dates the rules can answer for (the rule base gives them: {@code RuleBase.lawSpan()}), to the end of 2099 at the
 * latest (no rule is read as reaching further). An assessment date outside them is refused rather than answered with
 * an empty COMPLIANT (contract: "The law as of a date").
 */
public record LawSpan(LocalDate from, LocalDate to) {

    public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

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
