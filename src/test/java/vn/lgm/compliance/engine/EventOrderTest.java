package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.engine.cases.TestCase;

/** The law's order of events (auction, application, issue, extension near the end of a term, assessment). */
class EventOrderTest {

    static final LawParameters PARAMETERS = CasesTest.RULES.parameters();

    @Test
    void everyCaseDescribesItsEventsInTheLawsOrder() {
        List<String> problems = new ArrayList<>();
        for (TestCase c : CasesTest.CASES) {
            if (c.valid()) {
                Project p = c.project();
                // A description may claim an extension its term is too young to have: the term rules find that
                // (APP-031..APP-034), so such a case is not out of order for this test.
                List<String> breaches = EventOrder.breaches(p, p.assessmentDate(), PARAMETERS).stream()
                        .filter(b -> !b.equals(EventOrder.EXTENSION_TOO_EARLY)).toList();
                if (!breaches.isEmpty()) {
                    problems.add(c.id() + ": " + breaches);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.size() + " case(s) out of the law's order of events:\n  "
                + String.join("\n  ", problems));
    }
}
