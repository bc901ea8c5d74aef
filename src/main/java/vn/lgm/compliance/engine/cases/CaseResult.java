package vn.lgm.compliance.engine.cases;

import java.util.List;

import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * A case run: what was expected, what came out, and the difference finding by finding ({@code problems}).
 */
public record CaseResult(TestCase testCase, Assessment assessment, Verdict actualVerdict, List<String> actualFindings,
                         List<String> problems) {

    public boolean passed() {
        return problems.isEmpty();
    }

    /** The failure in words: expected versus actual, finding by finding. */
    public String report() {
        if (passed()) {
            return testCase.id() + ": passed";
        }
        StringBuilder sb = new StringBuilder(testCase.id()).append(" (").append(testCase.file()).append(") failed:");
        problems.forEach(p -> sb.append("\n  - ").append(p));
        if (assessment != null) {
            sb.append("\n  expected: ").append(testCase.expectedVerdict()).append(' ').append(testCase.expectedFindings());
            sb.append("\n  actual:   ").append(actualVerdict).append(' ').append(actualFindings);
        }
        return sb.toString();
    }
}
