package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.CaseResult;
import vn.lgm.compliance.engine.cases.CaseRunner;
import vn.lgm.compliance.engine.cases.TestCase;

/** Every case under cases/ as its own test: the verdict and the exact findings, no more and no fewer. */
public class CasesTest {

    public static final RuleBase RULES = RuleBase.load(Path.of("rules"));
    public static final List<TestCase> CASES = new CaseLoader().loadAll(Path.of("cases"));

    @TestFactory
    Stream<DynamicTest> everyCase() {
        CaseRunner runner = new CaseRunner(new Assessor(RULES));
        return CASES.stream().map(c -> DynamicTest.dynamicTest(c.id(), c.file().toUri(), () -> {
            CaseResult result = runner.run(c);
            assertTrue(result.passed(), result::report);
        }));
    }

    @Test
    void caseIdsAreUnique() {
        assertTrue(CaseLoader.duplicateIds(CASES).isEmpty(), () -> "case ids used twice: " + CaseLoader.duplicateIds(CASES));
    }
}
