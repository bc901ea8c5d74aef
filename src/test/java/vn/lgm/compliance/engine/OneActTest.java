package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lgm.compliance.TestFiles;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.contract.model.Verdict;
import vn.lgm.compliance.engine.cases.CaseRunner;
import vn.lgm.compliance.engine.cases.TestCase;

/**
 * One act, one finding (issue 22 item 7) and a verdict that claims no more than the facts show (item 8): what the
 * engine makes of the rules that judge one act, and what the loader refuses of their metadata.
 */
class OneActTest {

    private static final Assessor ASSESSOR = new Assessor(CasesTest.RULES);

    @TempDir
    Path dir;


    private static TestCase caseNamed(String id) {
        return CasesTest.CASES.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void theActsRulesAreReadIntoTheCatalogue() {
        Map<String, Integer> order = new java.util.TreeMap<>();
        for (RuleInfo r : CasesTest.RULES.catalogue()) {
            if ("export".equals(r.act())) {
                order.put(r.id(), r.actOrder());
            }
        }
        assertEquals(Map.of("EXP-001", 1, "EXP-002", 2, "EXP-003", 3, "EXP-004", 4, "EXP-008", 5, "EXP-005", 6), order);
    }

    @Test
    void oneShipmentBreakingFiveProvisionsIsOneFindingNamingThemMostSpecificFirst() {
        Assessment a = ASSESSOR.assess(caseNamed("EXP-001-fail-one-export-five-provisions").project());
        List<Finding> exports = a.findings().stream().filter(f -> f.ruleId().startsWith("EXP-00") && !f.ruleId().equals("EXP-007")).toList();
        assertEquals(1, exports.size(), () -> "one finding for the one export: " + a.findings());
        Finding f = exports.get(0);
        assertEquals(List.of("EXP-001", "EXP-002", "EXP-003", "EXP-004", "EXP-005"), f.ruleIds());
        assertEquals(Outcome.VIOLATION, f.outcome());
        assertEquals(List.of("exports[0]"), f.entries());
        assertEquals("85a", f.citation().article(), "the most specific provision leads");
        for (RuleRef other : f.otherRules()) {
            assertNotNull(other.citation());
            assertTrue(f.explanation().contains(other.citation().label()), "the explanation names " + other.ruleId());
        }
        assertEquals(1, a.findings().stream().filter(x -> x.outcome() == Outcome.VIOLATION).count(), "counts count acts");
    }

    @Test
    void eachRuleOfAnActIsPinnedByTheCaseThatNamesIt() {
        // switching any one rule of the act off changes the case's entry: coverage and mutation stay per rule
        TestCase c = caseNamed("EXP-001-fail-one-export-five-provisions");
        CaseRunner runner = new CaseRunner(ASSESSOR);
        assertTrue(runner.run(c).passed());
        for (String rule : List.of("EXP-001", "EXP-002", "EXP-003", "EXP-004", "EXP-005")) {
            var result = runner.run(c, new Assessor.Options(Set.of(rule), Map.of(), null));
            assertTrue(!result.passed(), rule + " switched off is noticed");
        }
    }

    @Test
    void aShownBreachLeavesTheActsOtherQuestionsUnasked() {
        Assessment a = ASSESSOR.assess(caseNamed("EXP-002-pass-not-asked-raw-export").project());
        Finding f = a.findings().stream().filter(x -> x.ruleId().equals("EXP-001")).findFirst().orElseThrow();
        assertEquals(List.of(), f.otherRules());
        assertEquals(List.of(), f.missingFacts());
        assertTrue(a.findings().stream().noneMatch(x -> x.outcome() == Outcome.INSUFFICIENT_INFORMATION), a.findings()::toString);
        // without the ban, the same export's open questions are asked, once, for the act
        Assessment without = ASSESSOR.assess(caseNamed("EXP-002-pass-not-asked-raw-export").project(),
                new Assessor.Options(Set.of("EXP-001"), Map.of(), null));
        List<Finding> open = without.findings().stream().filter(x -> x.outcome() == Outcome.INSUFFICIENT_INFORMATION).toList();
        assertEquals(1, open.size(), without.findings()::toString);
        assertEquals(List.of("EXP-002", "EXP-003", "EXP-004", "EXP-005"), open.get(0).ruleIds());
        assertTrue(open.get(0).missingFacts().contains("exports[0].meetsMoitStandard"), open.get(0).missingFacts()::toString);
    }

    @Test
    void twoExportsAreTwoActs() {
        Assessment a = ASSESSOR.assess(caseNamed("EXP-001-fail-two-exports-two-acts").project());
        assertEquals(List.of(List.of("exports[0]"), List.of("exports[1]")), a.findings().stream()
                .filter(f -> f.outcome() == Outcome.VIOLATION).map(Finding::entries).toList());
    }

    @Test
    void aBreachWhoseWeightTurnsOnAnUnknownFactIsIncompleteAndSaysWhatEachAnswerMeans() {
        Assessment a = ASSESSOR.assess(caseNamed("APP-040-insufficient-weight-transfer-not-stated").project());
        assertEquals(Verdict.INCOMPLETE, a.verdict());
        Finding f = a.findings().get(0);
        assertEquals(Outcome.INSUFFICIENT_INFORMATION, f.outcome());
        assertEquals(List.of("transfer.completed"), f.missingFacts());
        assertEquals(new OutcomeDependence("transfer.completed", List.of(new OutcomeDependence.Answer(true, Outcome.VIOLATION),
                new OutcomeDependence.Answer(false, Outcome.OBLIGATION))), f.dependsOn());
        assertTrue(f.explanation().contains("transfer.completed") && f.explanation().contains("VIOLATION"), f.explanation());
        // each answer gives the outcome it says
        for (OutcomeDependence.Answer answer : f.dependsOn().answers()) {
            var t = vn.lgm.compliance.contract.input.Json.json().valueToTree(caseNamed("APP-040-insufficient-weight-transfer-not-stated").project());
            RelevanceGate.set((com.fasterxml.jackson.databind.node.ObjectNode) t, "transfer.completed", answer.value());
            Assessment answered = ASSESSOR.assess(vn.lgm.compliance.contract.input.Json.json().convertValue(t,
                    vn.lgm.compliance.contract.model.Project.class));
            assertEquals(List.of("APP-040 " + answer.outcome()), answered.findings().stream().map(CaseRunner::key).toList());
            assertNull(answered.findings().get(0).dependsOn());
        }
    }

    @Test
    void aLicensedMineWhoseConstructionIsNotStatedAsksIt() {
        Assessment a = ASSESSOR.assess(caseNamed("OPS-002-insufficient-construction-unknown").project());
        Finding f = a.findings().get(0);
        assertEquals("operations.constructionStarted", f.dependsOn().fact());
        assertEquals(Verdict.INCOMPLETE, a.verdict());
    }

    // ---- the loader: what an act's metadata must say

    private RuleLoadException loadError(UnaryOperator<String> edit) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir);
        Path file = rules.resolve("export/export.drl");
        String before = Files.readString(file);
        String after = edit.apply(before);
        assertTrue(!after.equals(before), "the edit applies");
        Files.writeString(file, after);
        return assertThrows(RuleLoadException.class, () -> RuleBase.load(rules));
    }

    /** A fault in an act's metadata (export/export.drl edited: what, into what) and what the load error says. */
    static Stream<Arguments> actFaults() {
        return Stream.of(
                // a misspelt act leaves EXP-005 alone in it
                Arguments.of("@act(\"export\") @actOrder(\"6\")", "@act(\"exprot\") @actOrder(\"6\")",
                        "rule EXP-005: @act(\"exprot\") is named by this rule only"),
                // the rules of one act share their outcome (and so their weight)
                Arguments.of("@id(\"EXP-005\") @area(\"EXPORT\") @outcome(\"VIOLATION\")",
                        "@id(\"EXP-005\") @area(\"EXPORT\") @outcome(\"OBLIGATION\")",
                        "rule EXP-005: @act(\"export\"): the rules of one act share their area, outcome, due point and the list"
                                + " entries they match; this rule has @outcome OBLIGATION where EXP-001 has VIOLATION"),
                // ... and the entries they match: EXP-006 asks about the project, not an export entry
                Arguments.of("@id(\"EXP-006\") @area(\"EXPORT\") @outcome(\"INSUFFICIENT_INFORMATION\")",
                        "@id(\"EXP-006\") @area(\"EXPORT\") @outcome(\"VIOLATION\") @act(\"export\") @actOrder(\"7\")",
                        "this rule matches the entries [] where EXP-001 matches [ExportLine]"),
                Arguments.of("@act(\"export\") @actOrder(\"5\")", "@act(\"export\") @actOrder(\"4\")",
                        "@actOrder(4) is already another rule's place in the act"),
                Arguments.of("@act(\"export\") @actOrder(\"5\")", "@act(\"export\")", "needs @actOrder"),
                Arguments.of("@id(\"EXP-007\")", "@id(\"EXP-007\") @act(\"export\") @actOrder(\"7\")",
                        "a definition or an ADVISORY judges no act"));
    }

    @ParameterizedTest
    @MethodSource("actFaults")
    void aFaultInAnActsMetadataStopsTheLoadNamingTheRule(String from, String to, String says) throws IOException {
        RuleLoadException e = loadError(t -> t.replace(from, to));
        assertTrue(e.getMessage().contains(says), e.getMessage());
        assertTrue(e.getMessage().matches(".*export\\.drl:\\d+: .*"), e.getMessage());
    }
}
