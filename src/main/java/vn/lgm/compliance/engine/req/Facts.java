package vn.lgm.compliance.engine.req;

import java.time.LocalDate;

/** What a requirement is evaluated against: the description's facts by path, the law's numbers, the date. */
public interface Facts {

    /** The value at a JSON path of the description (or a derived fact), null when not given; an empty list is none (empty), not null. */
    Object value(String path);

    /** A number of rules/parameters.yaml, as in force on the date the rule is judged on. */
    double parameter(String key);

    /** The assessment date ("today" for expiries and deadlines). */
    LocalDate today();

    /**
     * The latest a date the description does not give can be, by the law's order of events (auction, application,
     * issue, extension near the end of a term, assessment): an application is filed no later than the licence is
     * issued, and before the assessment date once the project has applied. Null when nothing bounds it.
     */
    default LocalDate latest(String datePath) {
        return null;
    }

    /**
     * The earliest a date the description does not give can be, by the law's order of events, and, for the date a rule
     * is judged on (an auction, an issue), by the rule's own reach: an earlier one is not held to it. Null when unbounded.
     */
    default LocalDate earliest(String datePath) {
        return null;
    }

    /**
     * For a grant condition (judged on the issue date) of a licence whose issue date is not given: whether every issue
     * date the law's order of events allows (on or after the application, ...) falls within the rule's reach, so that the
     * rule applies whatever the date and the date need not be asked. False otherwise.
     */
    default boolean everyIssueInReach() {
        return false;
    }

    /**
     * The smallest value the parameter takes on any day from {@code from} to the assessment date (for a period counted
     * from a date the description does not give, whose law is that of the unknown day). The rule's own value by default.
     */
    default double smallestParameter(String key, LocalDate from) {
        return parameter(key);
    }
}
