package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Project;

/**
 * What a rule reads, from its source: the conditions of its consequence apart from what it requires, the earlier
 * alternatives of an {@code eitherOf}, and the guard that tells from the facts given that its {@code when} can never
 * hold (or is an answer away from holding). The interview's bound rests on the guard never calling "cannot fire" a
 * rule that may still fire (InterviewBoundTest checks it over random interviews).
 */
class RuleReadsTest {

    static RuleBase rules;
    static Assessor assessor;
    static Map<String, RuleReads.Reads> reads;

    @BeforeAll
    static void load() {
        vn.lgm.compliance.cli.Cli.quietLogging();
        rules = RuleBase.load(Path.of("rules"));
        assessor = new Assessor(rules);
        reads = RuleReads.of(rules);
    }

    static RuleReads.Reads of(String id) {
        return reads.get(rules.catalogue().stream().filter(r -> id.equals(r.id())).findFirst().orElseThrow().name());
    }

    static Project project(String json) {
        return ProjectReader.json().read(json).project();
    }

    static boolean cannotFire(String id, Project p) {
        return of(id).guard().cannotFire(p, assessor.assess(p).derived());
    }

    @Test
    void aConditionIsToldApartFromWhatTheRuleRequires() {
        // APP-020: given the site overlaps a prohibited area, the approval is required
        assertTrue(of("APP-020").conditions().contains("site.overlapsProhibitedArea"));
        assertFalse(of("APP-020").conditions().contains("site.prohibitedAreaApproval"));
        // a prohibition's facts are all conditions (EXP-001: a rare earth exported raw)
        assertTrue(of("EXP-001").conditions().containsAll(java.util.List.of("exports.mineral", "exports.product")));
        // a derived fact used as a condition brings what it asks: a rare earth's radioactivity (ENV-007)
        assertTrue(of("ENV-007").conditions().contains("minerals.radioactive"), of("ENV-007").conditions().toString());
    }

    @Test
    void aLaterAlternativeComesAfterAnEarlierOne() {
        // APP-013: equity at 30 % of the investment, or financing commitments covering it
        assertTrue(of("APP-013").before("finance.financingCommitments").contains("finance.ownersEquity"));
        assertTrue(of("APP-013").before("finance.ownersEquity").isEmpty());
    }

    @Test
    void theGuardTellsARuleThatCanNeverFireOnTheFactsGiven() {
        Project quarry = project("{\"id\": \"Q\", \"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"CONSTRUCTION_STONE\"}], \"stage\": \"OPERATING\", \"licence\": {\"type\": \"EXPLOITATION\"}}");
        assertTrue(cannotFire("APP-031", quarry), "an exploration licence's term: not this licence");
        assertTrue(cannotFire("FOR-006", quarry), "rare-earth partners: not this mineral");
        assertTrue(cannotFire("APP-034", quarry), "Group IV's term: not this group");
        assertTrue(cannotFire("EXP-001", quarry), "an export: not this project's activities");
        assertFalse(cannotFire("APP-032", quarry), "an exploitation licence's term applies");
        // a bidder's conditions are judged before the bid: not of an operating mine (AUC-010 reads the stage)
        assertTrue(cannotFire("AUC-010", quarry), "a bidder's debts: not asked of an operating mine");
        Project proposal = project("{\"id\": \"P\", \"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"CONSTRUCTION_STONE\"}], \"stage\": \"PROPOSAL\", \"licence\": {\"type\": \"EXPLOITATION\"}}");
        assertFalse(cannotFire("AUC-010", proposal), "the allocation is not given: an auction may be held");
        assertTrue(of("AUC-010").guard().open(proposal, assessor.assess(proposal).derived()), "an answer away: the allocation");
        Project given = project("{\"id\": \"Q\", \"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"CONSTRUCTION_STONE\"}], \"licence\": {\"allocation\": \"NO_AUCTION_AREA\"}}");
        assertTrue(cannotFire("AUC-010", given), "no auction: a bidder's conditions do not apply");
        Project rareEarth = project("{\"id\": \"R\", \"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"RARE_EARTH\"}]}");
        assertFalse(cannotFire("FOR-006", rareEarth), "partners not said: one may be foreign");
        Project none = project("{\"id\": \"R\", \"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"RARE_EARTH\"}], \"partners\": []}");
        assertTrue(cannotFire("FOR-006", none), "no partners: none to approve");
    }
}
