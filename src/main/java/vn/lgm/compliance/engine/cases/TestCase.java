package vn.lgm.compliance.engine.cases;

import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * One case file of cases/: a project and exactly the findings a lawyer expects of it.
 *
 * @param expectedVerdict  null only for a classification case that pins expect.derived alone
 * @param expectedFindings "RULE-ID OUTCOME" entries, e.g. "EXP-001 VIOLATION", compared as a multiset — one entry
 *                         per finding; a finding resting on several rules of one act names each, most specific first
 *                         ("EXP-001+EXP-002 VIOLATION"); null only for a classification case that pins expect.derived alone
 * @param expectedDerived  optional: the derived classification expected (only the fields given are compared)
 * @param errors           problems in the file itself; a case with errors fails
 */
public record TestCase(Path file, String id, String title, String narrative, List<String> sources, Project project,
                       Verdict expectedVerdict, List<String> expectedFindings, JsonNode expectedDerived,
                       List<InputError> errors) {

    public boolean valid() {
        return errors.isEmpty();
    }
}
