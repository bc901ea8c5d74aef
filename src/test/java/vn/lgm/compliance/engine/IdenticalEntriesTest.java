package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.engine.cases.CaseRunner;
import vn.lgm.compliance.texts.FindingLocalizer;

/**
 * Issue 20 item 11: with 50 minerals, exports and partners, an assessment gave 3,106 findings (4.6 MB). Findings that
 * repeat for identical list entries are stated once, with the entries they concern; entries that differ stay apart.
 */
class IdenticalEntriesTest {

    private static final Assessor ASSESSOR = new Assessor(CasesTest.RULES);

    /** The contract's example with each of its lists holding {@code n} copies of one entry. */
    private static Project example(int n, boolean identical) throws Exception {
        ObjectNode p = (ObjectNode) Json.json().readTree(Files.readString(Path.of("examples/rare-earth-proposal.json")));
        ArrayNode minerals = p.putArray("minerals");
        ArrayNode exports = p.putArray("exports");
        ArrayNode partners = p.putArray("partners");
        for (int i = 0; i < n; i++) {
            minerals.addObject().put("name", "RARE_EARTH").put("radioactive", true);
            exports.addObject().put("mineral", "RARE_EARTH").put("product", "CONCENTRATE").put("treoPercent", 60)
                    .put("meetsMoitStandard", false).put("onPmExportList", false)
                    .put("destination", identical ? "CN" : "C" + (char) ('A' + i % 26) + i);
            partners.addObject().put("name", "Partner Co").put("country", "CN").put("role", "TECHNOLOGY");
        }
        return Json.json().treeToValue(p, Project.class);
    }

    private static List<String> paths(String list, int n) {
        return IntStream.range(0, n).mapToObj(i -> list + "[" + i + "]").toList();
    }

    @Test
    void fiftyIdenticalEntriesAreStatedOnceWithEveryEntryTheyConcern() throws Exception {
        Assessment one = ASSESSOR.assess(example(1, true));
        Assessment fifty = ASSESSOR.assess(example(50, true));
        // the same findings, rule for rule and outcome for outcome, as for one entry of each
        assertEquals(one.findings().stream().map(CaseRunner::key).toList(), fifty.findings().stream().map(CaseRunner::key).toList());
        assertEquals(one.verdict(), fifty.verdict());
        assertTrue(fifty.findings().size() < 20, "findings: " + fifty.findings().size());
        int aboutEntries = 0;
        for (Finding f : fifty.findings()) {
            List<String> expected = new ArrayList<>();
            for (String e : Entries.named(f.facts(), f.missingFacts())) {
                String list = e.substring(0, e.indexOf('['));
                assertEquals(list + "[0]", e, "the finding names the first of the identical entries: " + f.ruleId());
                expected.addAll(paths(list, 50));
            }
            assertEquals(expected, f.entries(), f.ruleId() + " concerns every copy");
            if (!expected.isEmpty()) {
                aboutEntries++;
                assertTrue(f.explanation().contains("exports[49]") || f.explanation().contains("minerals[49]")
                        || f.explanation().contains("partners[49]"), "the text names the copies: " + f.explanation());
            }
        }
        assertTrue(aboutEntries >= 5, "findings about entries: " + aboutEntries);
        long bytes = Json.json().writeValueAsBytes(fifty).length;
        assertTrue(bytes < 100_000, "answer size " + bytes);
    }

    @Test
    void theReaderIsToldTheCopiesInBothLanguages() throws Exception {
        FindingLocalizer localizer = FindingLocalizer.load(CasesTest.RULES);
        Assessment fifty = ASSESSOR.assess(example(3, true));
        Finding ban = localizer.localize(fifty, "en").findings().stream().filter(f -> f.ruleId().equals("EXP-001")).findFirst().orElseThrow();
        assertTrue(ban.explanation().endsWith("The same holds for the identical entries: export 2, export 3."), ban.explanation());
        Finding vi = localizer.localize(fifty, "vi").findings().stream().filter(f -> f.ruleId().equals("EXP-001")).findFirst().orElseThrow();
        assertTrue(vi.explanation().contains("giống hệt"), vi.explanation());
    }

    @Test
    void entriesThatDifferAreSeparateActs() throws Exception {
        Assessment a = ASSESSOR.assess(example(5, false));
        List<Finding> exports = a.findings().stream().filter(f -> f.ruleId().equals("EXP-001")).toList();
        assertEquals(paths("exports", 5), exports.stream().flatMap(f -> f.entries().stream()).toList());
        exports.forEach(f -> assertEquals(List.of("EXP-001", "EXP-002", "EXP-003", "EXP-004", "EXP-005"), f.ruleIds()));
    }
}
