package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.cases.CaseLoader;
import vn.lgm.compliance.cases.TestCase;
import vn.lgm.compliance.engine.Assessor;

/**
 * Beside the mutation gate: every question the engine asks can change the answer. For each INSUFFICIENT_INFORMATION
 * finding of every case (and of the clean grid given only the contract's fields), each missing fact is filled with
 * every value of its domain and the project assessed again; a question whose answer cannot change that rule's
 * outcome is needless, and the gate names the rule, the case and the fact.
 */
class RelevanceGateTest {

    static final Assessor ASSESSOR = new Assessor(CasesTest.RULES);

    @Test
    void everyQuestionOfEveryCaseCanChangeItsRulesOutcome() {
        RelevanceGate gate = new RelevanceGate(ASSESSOR);
        List<String> needless = new ArrayList<>();
        for (TestCase c : CasesTest.CASES) {
            if (c.valid()) {
                gate.needless(c.project()).forEach(q -> needless.add(c.id() + " → " + q));
            }
        }
        assertTrue(needless.isEmpty(), () -> needless.size() + " needless question(s) (case → rule: fact):\n  "
                + String.join("\n  ", needless));
    }

    @Test
    void everyQuestionOfTheCleanGridCanChangeItsRulesOutcome() {
        RelevanceGate gate = new RelevanceGate(ASSESSOR);
        List<String> needless = new ArrayList<>();
        for (CleanGrid.Entry e : CleanGrid.projects(true)) {
            gate.needless(e.project()).forEach(q -> needless.add(e.name() + " → " + q));
        }
        assertTrue(needless.isEmpty(), () -> needless.size() + " needless question(s) (project → rule: fact):\n  "
                + String.join("\n  ", needless));
    }
}
