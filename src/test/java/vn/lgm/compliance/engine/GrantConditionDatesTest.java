package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Stage;
import vn.lgm.compliance.engine.CasesTest;

/**
 * A grant condition is judged by the law in force when the licence was issued: for every rule with
 * {@code @judgedOn("ISSUE")} and every licensed case whose issue date is given, the rule gives the same outcome at
 * any assessment date after the issue (only ongoing duties may change with the assessment date). The law's order of
 * events reads the description's expiry as the licence's own while no extension can yet have been granted and as
 * possibly extended once the term nears its end ({@link EventOrder#mayBeExtended}), so outcomes are compared within
 * each of those two periods, and only at dates the description's order of events allows ({@link EventOrder#breaches}).
 */
class GrantConditionDatesTest {

    static final Assessor ASSESSOR = new Assessor(CasesTest.RULES);
    static final LawParameters PARAMETERS = CasesTest.RULES.parameters();
    static final List<LocalDate> LATER = List.of(LocalDate.of(2025, 7, 2), LocalDate.of(2025, 12, 1),
            LocalDate.of(2026, 1, 20), LocalDate.of(2026, 6, 1), LocalDate.of(2027, 6, 1), LocalDate.of(2029, 6, 1));

    @Test
    void aGrantConditionGivesTheSameOutcomeAtEveryAssessmentDateAfterTheIssue() {
        Set<String> findingRules = new HashSet<>();
        List<RuleInfo> grant = new ArrayList<>();
        for (RuleInfo r : CasesTest.RULES.catalogue()) {
            if (!r.isDefinition()) {
                findingRules.add(r.id());
                if (r.judgedOn() == JudgedOn.ISSUE) {
                    grant.add(r);
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (TestCase c : CasesTest.CASES) {
            Project p = c.valid() ? c.project() : null;
            if (p == null || !p.stageAtLeast(Stage.LICENSED) || p.licence().issuedOn() == null) {
                continue;
            }
            LocalDate issued = p.licence().issuedOn();
            for (RuleInfo r : grant) {
                Set<String> disabled = new HashSet<>(findingRules);
                disabled.remove(r.id());
                Assessor.Options only = new Assessor.Options(disabled, Map.of(), null);
                Map<Boolean, Map<LocalDate, String>> outcomes = new TreeMap<>();
                for (LocalDate date : LATER) {
                    if (date.isAfter(issued) && EventOrder.breaches(p, date, PARAMETERS).isEmpty()) {
                        outcomes.computeIfAbsent(EventOrder.mayBeExtended(p, date, PARAMETERS), k -> new TreeMap<>())
                                .put(date, outcome(ASSESSOR.assess(p.withAssessmentDate(date), only).findings(), r.id()));
                    }
                }
                for (Map<LocalDate, String> period : outcomes.values()) {
                    if (period.values().stream().distinct().count() > 1) {
                        problems.add(c.id() + " → " + r.id() + ": " + period);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "grant conditions whose outcome changes with the assessment date:\n  "
                + String.join("\n  ", problems));
    }

    private static String outcome(List<Finding> findings, String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).map(f -> f.outcome().name()).sorted().toList().toString();
    }
}
