package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.ContractDoc;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Verdict;
import vn.lgm.compliance.engine.CasesTest;

/** A clean project that gives every fact the model knows is COMPLIANT; given only the contract's fields, it is asked only what decides. */
class CleanGridTest {

    static final Assessor ASSESSOR = new Assessor(CasesTest.RULES);

    @Test
    void everyCleanProjectGivingEveryFactIsCompliant() {
        List<CleanGrid.Entry> grid = CleanGrid.projects(false);
        assertTrue(grid.size() >= 100, "the grid has at least 100 projects");
        List<String> failures = new ArrayList<>();
        for (CleanGrid.Entry e : grid) {
            Assessment a = ASSESSOR.assess(e.project());
            if (a.verdict() != Verdict.COMPLIANT) {
                failures.add(e.name() + ": " + a.verdict() + " " + a.findings().stream()
                        .map(f -> f.ruleId() + " " + f.outcome() + (f.missingFacts().isEmpty() ? "" : " " + f.missingFacts()))
                        .toList());
            }
        }
        assertTrue(failures.isEmpty(), () -> failures.size() + " of " + grid.size() + " clean projects are not COMPLIANT:\n  "
                + String.join("\n  ", failures));
    }

    /**
     * Given only the contract's fields, the grid is asked only facts the project adds to the contract (the contract's own
     * facts are given): each one docs/CONTRACT.md lists with the provision that needs it. Writes the questions each
     * project is asked to target/clean-grid-questions.txt (README gives the totals: ReadmeTest).
     */
    @Test
    void theContractOnlyGridIsAskedOnlyAddedFactsAndCountsThem() throws IOException {
        Map<String, Integer> byFact = new TreeMap<>();
        StringBuilder out = new StringBuilder();
        int total = 0;
        int compliant = 0;
        List<CleanGrid.Entry> grid = CleanGrid.projects(true);
        for (Map.Entry<String, CleanGrid.Asked> e : CleanGrid.questions(ASSESSOR, grid).entrySet()) {
            List<String> asked = e.getValue().facts();
            asked.forEach(m -> byFact.merge(m, 1, Integer::sum));
            total += asked.size();
            compliant += e.getValue().verdict() == Verdict.COMPLIANT ? 1 : 0;
            out.append(e.getKey()).append(": ").append(e.getValue().verdict()).append(", ").append(asked.size())
                    .append(" question(s) ").append(asked).append('\n');
        }
        String summary = grid.size() + " clean projects given only the contract's fields: " + compliant + " COMPLIANT, "
                + total + " questions in all (" + String.format("%.1f", total / (double) grid.size()) + " a project); by fact: " + byFact;
        out.insert(0, summary + "\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/clean-grid-questions.txt"), out);
        System.out.println(summary);
        java.util.Set<String> added = new java.util.HashSet<>();
        ContractDoc.read().addedFacts().forEach(r -> added.addAll(r.facts()));
        List<String> notAdded = byFact.keySet().stream().filter(f -> !added.contains(f.replaceAll("\\[\\d+]", ""))).toList();
        assertEquals(List.of(), notAdded, "facts the contract-only grid is asked that docs/CONTRACT.md does not list as added");
    }
}
