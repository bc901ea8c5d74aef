package vn.lgm.compliance.engine.req;

import java.time.LocalDate;

/** What a requirement is evaluated against: the description's facts by path, the law's numbers, the date. */
public interface Facts {

    /** The value at a JSON path of the description (or a derived fact), null when not given; an empty list is null. */
    Object value(String path);

    /** A number of rules/parameters.yaml, as in force on the date the rule is judged on. */
    double parameter(String key);

    /** The assessment date ("today" for expiries and deadlines). */
    LocalDate today();

    /**
     * For a grant condition (judged on the licence's issue date) whose licence's issue date is not given: the earliest
     * issue date the rule reaches (its {@code @inForceFrom}); an earlier licence is not held to it. Null otherwise.
     */
    default LocalDate earliestIssue() {
        return null;
    }
}
