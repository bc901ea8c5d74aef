package vn.lgm.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.lawyer.CoverageRunner;
import vn.lgm.compliance.lawyer.CoverageService;

/** The progress line of /coverage while the first run is under way: real totals from the first line (it was "0 of 0"). */
class CoveragePageTest {

    static final CoverageService.Plan PLAN = new CoverageService.Plan(569, 132, 25);

    @Test
    void beforeTheRunStartsTheLineSaysWhatItWillCheck() {
        for (String phase : new String[] {"starting shortly after start-up", "waiting", "not started"}) {
            String line = CoveragePage.progress(new CoverageRunner.Progress(phase, 0, 0), PLAN);
            assertFalse(line.contains("0 of 0"), line);
            assertTrue(line.contains("569 cases to run") && line.contains("132 rules") && line.contains("25 thresholds")
                    && line.contains("0 of 569"), line);
        }
    }

    @Test
    void eachStepSaysWhatItDoesAndHowFarItHasGot() {
        assertEquals("Step 1 of 3: running the cases — 120 of 569.",
                CoveragePage.progress(new CoverageRunner.Progress("cases", 120, 569), PLAN));
        assertEquals("Step 2 of 3: switching off each of the 132 rules on the passing cases where it fires — 300 of 1,234 runs.",
                CoveragePage.progress(new CoverageRunner.Progress("rule mutants", 300, 1234), PLAN));
        assertTrue(CoveragePage.progress(new CoverageRunner.Progress("threshold mutants", 5, 2000), PLAN)
                .startsWith("Step 3 of 3: nudging each of the 25 thresholds"));
    }
}
