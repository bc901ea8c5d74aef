package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.regulator.audit.Registers;
import vn.lgm.compliance.engine.CasesTest;

/**
 * Beside the mutation gate: every question the engine asks can change the answer. For each INSUFFICIENT_INFORMATION
 * finding of every case, of the clean grid and of the three Lào Cai registers (read through mappings/lao-cai.yaml), each missing fact is filled with
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

    @Test
    void everyQuestionOfTheLaoCaiRegistersCanChangeItsRulesOutcome() throws Exception {
        RelevanceGate gate = new RelevanceGate(ASSESSOR);
        List<String> needless = new ArrayList<>();
        int projects = Registers.forEach((where, p) -> gate.needless(p).forEach(q -> needless.add(where + " → " + q)));
        assertTrue(projects > 400, "the registers' licences were read: " + projects);
        assertTrue(needless.isEmpty(), () -> needless.size() + " needless question(s); by rule and fact: "
                + needless.stream().collect(java.util.stream.Collectors.groupingBy(q -> q.substring(q.indexOf("→") + 2),
                        java.util.TreeMap::new, java.util.stream.Collectors.counting()))
                + "\n(register line → rule: fact):\n  " + String.join("\n  ", needless.subList(0, Math.min(60, needless.size()))));
    }
}
