package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

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

    /** Prints (and writes to target/clean-grid-questions.txt) the questions each contract-only project is asked. */
    @Test
    void theContractOnlyGridCountsItsQuestions() throws IOException {
        Map<String, Integer> byFact = new TreeMap<>();
        StringBuilder out = new StringBuilder();
        int total = 0;
        int compliant = 0;
        List<CleanGrid.Entry> grid = CleanGrid.projects(true);
        for (CleanGrid.Entry e : grid) {
            Assessment a = ASSESSOR.assess(e.project());
            List<String> asked = new ArrayList<>();
            for (Finding f : a.findings()) {
                for (String m : f.missingFacts()) {
                    if (!asked.contains(m)) {
                        asked.add(m);
                        byFact.merge(m, 1, Integer::sum);
                    }
                }
            }
            total += asked.size();
            compliant += a.verdict() == Verdict.COMPLIANT ? 1 : 0;
            out.append(e.name()).append(": ").append(a.verdict()).append(", ").append(asked.size()).append(" question(s) ")
                    .append(asked).append('\n');
        }
        String summary = grid.size() + " clean projects given only the contract's fields: " + compliant + " COMPLIANT, "
                + total + " questions in all (" + String.format("%.1f", total / (double) grid.size()) + " a project); by fact: " + byFact;
        out.insert(0, summary + "\n");
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/clean-grid-questions.txt"), out);
        System.out.println(summary);
        assertTrue(total >= 0);
    }
}
