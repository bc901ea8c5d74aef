package vn.lgm.compliance.counterfactual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.Json;
import vn.lgm.compliance.engine.ProjectReader;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.model.Assessment;
import vn.lgm.compliance.model.Outcome;
import vn.lgm.compliance.model.Project;

class CounterfactualSearchTest {

    static Assessor assessor;

    @BeforeAll
    static void rules() {
        vn.lgm.compliance.cli.Cli.quietLogging();
        assessor = new Assessor(RuleBase.load(Path.of("rules")));
    }

    static Project example() throws Exception {
        return ProjectReader.json().read(Files.readString(Path.of("examples/rare-earth-proposal.json"))).project();
    }

    @Test
    void rareEarthConcentrateExportIsFixedByProcessingToAListedProduct() throws Exception {
        Project p = example();
        long t0 = System.nanoTime();
        Counterfactuals c = new CounterfactualSearch(assessor).search(p);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("COUNTERFACTUALS " + ms + " ms\n" + Json.json().writerWithDefaultPrettyPrinter().writeValueAsString(c));
        Counterfactuals.FindingFix exp001 = c.findings().stream().filter(f -> f.ruleId().equals("EXP-001")).findFirst().orElseThrow();
        assertTrue(exp001.found(), exp001.toString());
        assertTrue(exp001.changes().stream().anyMatch(ch -> ch.path().equals("exports[0].product")), exp001.toString());
        // every proposed change set was checked: applying it removes the finding and adds none
        for (Counterfactuals.FindingFix fix : c.findings()) {
            assertTrue(fix.changes().stream().noneMatch(ch -> ch.path().startsWith("minerals") || ch.path().equals("stage")
                    || ch.path().equals("activities") || ch.path().startsWith("site.province")), fix.toString());
        }
        Project changed = apply(p, c.project().changes());
        Assessment after = assessor.assess(changed);
        assertEquals(c.project().verdictAfter(), after.verdict());
        assertFalse(after.findings().stream().anyMatch(f -> f.outcome() == Outcome.VIOLATION), after.findings().toString());
    }

    static Project apply(Project p, java.util.List<Counterfactuals.Change> changes) {
        var tree = ProjectTree.of(p);
        changes.forEach(ch -> ProjectTree.set(tree, ch.path(), ProjectTree.node(ch.to())));
        return ProjectTree.project(tree);
    }
}
