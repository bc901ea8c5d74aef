package vn.lgm.compliance.engine.req;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.lgm.compliance.engine.req.Requirements.dueBy;
import static vn.lgm.compliance.engine.req.Requirements.elapsed;
import static vn.lgm.compliance.engine.req.Requirements.isTrue;
import static vn.lgm.compliance.engine.req.Requirements.issueDateSettled;
import static vn.lgm.compliance.engine.req.Requirements.known;
import static vn.lgm.compliance.engine.req.Requirements.nonEmpty;
import static vn.lgm.compliance.engine.req.Requirements.owed;
import static vn.lgm.compliance.engine.req.Requirements.termWithin;
import static vn.lgm.compliance.engine.req.Requirements.within;
import static vn.lgm.compliance.engine.req.Requirements.yearlyFilingDue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.model.Stage;

/**
 * The vocabulary issue #22 added for the law's own timing: duties with and without a period (dueBy, owed), the law's
 * order of events bounding dates not given (within, termWithin, issueDateSettled), yearly filings, a period the
 * description sets (elapsed), and an omitted list against an empty one (known, nonEmpty).
 */
class TimingVocabularyTest {

    private static final LocalDate TODAY = TestFacts.TODAY;

    private static Facts facts(Map<String, Object> values, Map<String, Double> params, Map<String, LocalDate> latest,
                               Map<String, LocalDate> earliest, double smallest, boolean everyIssueInReach) {
        return TestFacts.of(values, params, latest, earliest, smallest, everyIssueInReach);
    }

    private static Facts facts(Map<String, Object> values, Map<String, Double> params) {
        return TestFacts.of(values, params);
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    // dueBy: a duty with a period

    @Test
    void aDutyNotDoneWhileItsPeriodRunsIsPendingAndAsksNothing() {
        Result r = dueBy(isTrue("done"), "from", "p.startMonths")
                .evaluate(facts(map("done", false, "from", LocalDate.of(2025, 10, 1)), Map.of("p.startMonths", 6.0)));
        assertEquals(Tri.FALSE, r.value());
        assertTrue(r.pending());
        Result unknownDuty = dueBy(isTrue("done"), "from", "p.startMonths")
                .evaluate(facts(map("from", LocalDate.of(2025, 10, 1)), Map.of("p.startMonths", 6.0)));
        assertTrue(unknownDuty.pending(), "whether it was done is not asked while the period runs");
        assertEquals(List.of(), unknownDuty.missing());
    }

    @Test
    void onTheLastDayTheDutyIsStillPendingAndTheDayAfterItIsDue() {
        Map<String, Double> p = Map.of("p.startMonths", 6.0);
        Result last = dueBy(isTrue("done"), "from", "p.startMonths").evaluate(facts(map("done", false, "from", LocalDate.of(2025, 9, 1)), p));
        assertTrue(last.pending());
        Result after = dueBy(isTrue("done"), "from", "p.startMonths").evaluate(facts(map("done", false, "from", LocalDate.of(2025, 8, 31)), p));
        assertEquals(Tri.FALSE, after.value());
        assertFalse(after.pending());
        Result asked = dueBy(isTrue("done"), "from", "p.startMonths").evaluate(facts(map("from", LocalDate.of(2025, 8, 31)), p));
        assertEquals(Tri.UNKNOWN, asked.value());
        assertEquals(List.of("done"), asked.missing());
    }

    @Test
    void aDutyDoneIsMetAndAStartNotGivenIsAsked() {
        Map<String, Double> p = Map.of("p.startMonths", 6.0);
        assertEquals(Tri.TRUE, dueBy(isTrue("done"), "from", "p.startMonths").evaluate(facts(map("done", true), p)).value());
        Result r = dueBy(isTrue("done"), "from", "p.startMonths").evaluate(facts(map("done", false), p));
        assertEquals(Tri.UNKNOWN, r.value());
        assertEquals(List.of("from"), r.missing());
    }

    // owed: a duty without a period

    @Test
    void aDutyWithoutAPeriodIsNeverABreachByTime() {
        Result r = owed(isTrue("done")).evaluate(facts(map("done", false), Map.of()));
        assertEquals(Tri.FALSE, r.value());
        assertTrue(r.pending());
        Result asked = owed(isTrue("done")).evaluate(facts(map(), Map.of()));
        assertEquals(List.of("done"), asked.missing());
        assertEquals(Tri.TRUE, owed(isTrue("done")).evaluate(facts(map("done", true), Map.of())).value());
    }

    @Test
    void aPendingPartDoesNotDominateAConjunctionButADueBreachDoes() {
        Result pending = new Result(Tri.FALSE, List.of(), List.of(), true);
        Result due = new Result(Tri.FALSE, List.of(), List.of());
        Result yes = new Result(Tri.TRUE, List.of(), List.of());
        Result and = Result.and(List.of(pending, yes));
        assertEquals(Tri.FALSE, and.value());
        assertTrue(and.pending());
        Result both = Result.and(List.of(pending, due));
        assertEquals(Tri.FALSE, both.value());
        assertFalse(both.pending());
        Result or = Result.or(List.of(pending, due));
        assertEquals(Tri.FALSE, or.value());
        assertTrue(or.pending(), "one part may still be met in time");
    }

    // within, bounded by the law's order of events

    @Test
    void aLaterDateNotGivenIsNotAskedWhenEveryDateItCanHaveIsWithinThePeriod() {
        Map<String, Double> p = Map.of("a.applicationMonths", 12.0);
        Facts f = facts(map("auction", LocalDate.of(2025, 10, 1)), p, Map.of("filed", LocalDate.of(2026, 2, 1)), Map.of(), 99, false);
        Result r = within("filed", "auction", "a.applicationMonths").evaluate(f);
        assertEquals(Tri.TRUE, r.value());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void aLaterDateNotGivenIsAskedWhenSomeDateItCanHaveIsLate() {
        Map<String, Double> p = Map.of("a.applicationMonths", 12.0);
        Facts f = facts(map("auction", LocalDate.of(2024, 10, 1)), p, Map.of("filed", LocalDate.of(2026, 2, 1)), Map.of(), 99, false);
        Result r = within("filed", "auction", "a.applicationMonths").evaluate(f);
        assertEquals(Tri.UNKNOWN, r.value());
        assertEquals(List.of("filed"), r.missing());
    }

    @Test
    void aLaterEventThatCannotHaveHappenedYetIsNotAskedAndNotMet() {
        Map<String, Double> p = Map.of("a.applicationMonths", 12.0);
        Facts f = facts(map("auction", LocalDate.of(2024, 10, 1)), p, Map.of(), Map.of("filed", TODAY.plusDays(1)), 99, false);
        Result r = within("filed", "auction", "a.applicationMonths").evaluate(f);
        assertEquals(Tri.FALSE, r.value());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void anEarlierDateNotGivenIsNotAskedWhenEvenTheEarliestItCanBeLeavesTheLaterInTime() {
        Map<String, Double> p = Map.of("a.applicationMonths", 36.0);
        // The earliest auction the rule reaches is 1 July 2025; the filing is 1 June 2026; the shortest period since is 12.
        Facts f = facts(map("filed", LocalDate.of(2026, 6, 1)), p, Map.of(), Map.of("auction", LocalDate.of(2025, 7, 1)), 12, false);
        assertEquals(Tri.TRUE, within("filed", "auction", "a.applicationMonths").evaluate(f).value());
        Facts late = facts(map("filed", LocalDate.of(2026, 7, 2)), p, Map.of(), Map.of("auction", LocalDate.of(2025, 7, 1)), 12, false);
        Result r = within("filed", "auction", "a.applicationMonths").evaluate(late);
        assertEquals(Tri.UNKNOWN, r.value(), "the shortest period in force since the earliest auction decides, not today's");
        assertEquals(List.of("auction"), r.missing());
    }

    // termWithin: no extension of a licence too young to have one

    @Test
    void anExpiryBeyondTheBaseTermOfAYoungLicenceIsItsOwnAndFails() {
        Map<String, Double> p = Map.of("t.maxTermMonths", 48.0, "t.maxExtensionMonths", 24.0, "w.windowMonths", 12.0);
        Requirement term = termWithin("issued", "expires", "t.maxTermMonths", "t.maxExtensionMonths", "ext", "w.windowMonths");
        Result young = term.evaluate(facts(map("issued", LocalDate.of(2026, 2, 1), "expires", LocalDate.of(2031, 2, 1)), p));
        assertEquals(Tri.FALSE, young.value());
        assertEquals(List.of(), young.missing(), "no extension is asked of a licence too young to have one");
        // From 12 months before the base term's end (1 March 2027, for a licence issued on 1 March 2023) the
        // extensions may exist, and are asked.
        Result old = term.evaluate(facts(map("issued", LocalDate.of(2023, 3, 1), "expires", LocalDate.of(2028, 3, 1)), p));
        assertEquals(Tri.UNKNOWN, old.value());
        assertEquals(List.of("ext"), old.missing());
        Result dayBefore = term.evaluate(facts(map("issued", LocalDate.of(2023, 3, 2), "expires", LocalDate.of(2028, 3, 1)), p));
        assertEquals(Tri.FALSE, dayBefore.value(), "one day short of the window: no extension can exist yet");
    }

    @Test
    void anIssueDateNotGivenIsNotAskedWhenEvenTheEarliestIssueRunsWithinTheBaseTerm() {
        Map<String, Double> p = Map.of("t.maxTermMonths", 48.0, "t.maxExtensionMonths", 24.0, "w.windowMonths", 12.0);
        Requirement term = termWithin("issued", "expires", "t.maxTermMonths", "t.maxExtensionMonths", "ext", "w.windowMonths");
        Facts f = facts(map("expires", LocalDate.of(2030, 2, 1)), p, Map.of(), Map.of("issued", LocalDate.of(2026, 2, 2)), 99, false);
        assertEquals(Tri.TRUE, term.evaluate(f).value());
    }

    // issueDateSettled

    @Test
    void theIssueDateOfAGrantConditionIsAskedOnlyWhenSomePossibleDateIsOutsideTheRulesReach() {
        assertEquals(Tri.TRUE, issueDateSettled().evaluate(facts(map("stage", Stage.APPLICATION), Map.of())).value());
        assertEquals(Tri.TRUE, issueDateSettled().evaluate(facts(map("stage", Stage.LICENSED, "licence.issuedOn", TODAY), Map.of())).value());
        Result asked = issueDateSettled().evaluate(facts(map("stage", Stage.LICENSED), Map.of()));
        assertEquals(List.of("licence.issuedOn"), asked.missing());
        Result inReach = issueDateSettled().evaluate(facts(map("stage", Stage.LICENSED), Map.of(), Map.of(), Map.of(), 0, true));
        assertEquals(Tri.TRUE, inReach.value());
        assertEquals(List.of(), inReach.missing());
    }

    // yearlyFilingDue and elapsed

    @Test
    void aYearlyFilingFallsDueTheDaysAfterTheYearEnds() {
        Map<String, Double> p = Map.of("o.dueDays", 31.0);
        // Assessed 1 March 2026: the filing for 2025 was due on 31 January 2026; a licence issued in 2025 owed it.
        assertEquals(Tri.TRUE, yearlyFilingDue("issued", "o.dueDays").evaluate(facts(map("issued", LocalDate.of(2025, 12, 31)), p)).value());
        assertEquals(Tri.FALSE, yearlyFilingDue("issued", "o.dueDays").evaluate(facts(map("issued", LocalDate.of(2026, 1, 1)), p)).value());
        // With 90 days the 2025 filing is not yet due: only a licence that ran in 2024 owes one.
        Map<String, Double> late = Map.of("o.dueDays", 90.0);
        assertEquals(Tri.FALSE, yearlyFilingDue("issued", "o.dueDays").evaluate(facts(map("issued", LocalDate.of(2025, 1, 1)), late)).value());
        assertEquals(Tri.TRUE, yearlyFilingDue("issued", "o.dueDays").evaluate(facts(map("issued", LocalDate.of(2024, 12, 31)), late)).value());
        assertEquals(List.of("issued"), yearlyFilingDue("issued", "o.dueDays").evaluate(facts(map(), p)).missing());
    }

    @Test
    void aPeriodTheDescriptionSetsHasRunTheDayAfterItEnds() {
        assertEquals(Tri.FALSE, elapsed("from", "months").evaluate(facts(map("from", LocalDate.of(2025, 3, 1), "months", 12), Map.of())).value());
        assertEquals(Tri.TRUE, elapsed("from", "months").evaluate(facts(map("from", LocalDate.of(2025, 2, 28), "months", 12), Map.of())).value());
        assertEquals(List.of("months"), elapsed("from", "months").evaluate(facts(map("from", LocalDate.of(2025, 2, 28)), Map.of())).missing());
        // A register's fraction of a month counts as a whole month: 11.2 months from 1 March 2025 run to 1 March 2026.
        assertEquals(Tri.FALSE, elapsed("from", "months").evaluate(facts(map("from", LocalDate.of(2025, 3, 1), "months", 11.2), Map.of())).value());
        // A number of months beyond any calendar has not run (it once failed the assessment: a random interview's answer).
        assertEquals(Tri.FALSE, elapsed("from", "months").evaluate(facts(map("from", LocalDate.of(2025, 3, 1), "months", 9e10), Map.of())).value());
    }

    // an omitted list against an empty one

    @Test
    void anEmptyListIsGivenAndAnOmittedOneIsNot() {
        assertEquals(Tri.TRUE, known("partners").evaluate(facts(map("partners", List.of()), Map.of())).value());
        assertEquals(List.of("partners"), known("partners").evaluate(facts(map(), Map.of())).missing());
    }

    @Test
    void aListTheLawCannotDoWithoutIsAskedWhenOmittedOrEmpty() {
        assertEquals(Tri.TRUE, nonEmpty("minerals").evaluate(facts(map("minerals", List.of("x")), Map.of())).value());
        assertEquals(List.of("minerals"), nonEmpty("minerals").evaluate(facts(map(), Map.of())).missing());
        Result empty = nonEmpty("minerals").evaluate(facts(map("minerals", List.of()), Map.of()));
        assertEquals(Tri.UNKNOWN, empty.value());
        assertEquals(List.of("minerals"), empty.missing());
    }
}
