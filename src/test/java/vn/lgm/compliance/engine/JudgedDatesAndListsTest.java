package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.contract.model.Project;

/**
 * Issue #22: bidders' conditions and auction deadlines are judged on the auction date, as grant conditions are on the
 * issue date; a finding's judged date can be read back from the facts it shows (lean lines); an omitted list is
 * unknown to the rules and an empty one is none.
 */
class JudgedDatesAndListsTest {

    static final RuleBase RULES = CasesTest.RULES;

    private static RuleInfo rule(String id) {
        return RULES.catalogue().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static Project project(String json) {
        return ProjectReader.json().read(json).project();
    }

    @Test
    void anAuctionDeadlineIsJudgedOnTheAuctionDateOnceTheAuctionIsHeld() {
        RuleInfo auc012 = rule("AUC-012");
        assertEquals(JudgedOn.AUCTION, auc012.judgedOn());
        LocalDate today = LocalDate.of(2026, 3, 1);
        Project won = project("{\"id\": \"P\", \"stage\": \"APPLICATION\", \"licence\": {\"auctionWonOn\": \"2025-10-01\"}}");
        assertEquals(LocalDate.of(2025, 10, 1), FindingCollector.judgedDate(auc012, won, today));
        Project later = project("{\"id\": \"P\", \"stage\": \"APPLICATION\", \"licence\": {\"auctionWonOn\": \"2026-04-01\"}}");
        assertEquals(today, FindingCollector.judgedDate(auc012, later, today), "an auction not yet held: today's law");
        Project unknown = project("{\"id\": \"P\", \"stage\": \"APPLICATION\"}");
        assertEquals(today, FindingCollector.judgedDate(auc012, unknown, today));
        // A grant condition is not judged on the auction date.
        assertEquals(today, FindingCollector.judgedDate(rule("APP-002"), won, today));
    }

    @Test
    void theJudgedDateIsReadBackFromTheFactsAFindingShows() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        List<FactValue> shown = List.of(new FactValue("licence.auctionWonOn", "2025-10-01"));
        assertEquals(LocalDate.of(2025, 10, 1), FindingCollector.judgedDate(rule("AUC-012"), shown, today));
        assertEquals(today, FindingCollector.judgedDate(rule("AUC-012"), List.of(), today));
        List<FactValue> issued = List.of(new FactValue("licence.issuedOn", LocalDate.of(2025, 8, 1)));
        assertEquals(LocalDate.of(2025, 8, 1), FindingCollector.judgedDate(rule("APP-002"), issued, today));
        List<FactValue> applying = List.of(new FactValue("licence.issuedOn", LocalDate.of(2025, 8, 1)), new FactValue("stage", "APPLICATION"));
        assertEquals(today, FindingCollector.judgedDate(rule("APP-002"), applying, today), "not yet licensed: today's law");
    }

    @Test
    void anOmittedListIsUnknownToTheRulesAndAnEmptyOneIsNone() {
        assertNull(PathResolver.resolve(project("{\"id\": \"P\"}"), "partners"));
        assertEquals(List.of(), PathResolver.resolve(project("{\"id\": \"P\", \"partners\": []}"), "partners"));
    }
}
