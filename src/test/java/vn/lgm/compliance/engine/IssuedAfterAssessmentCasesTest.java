package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;

/**
 * The case files whose project the API would refuse because its licence, said to be issued, bears an issue date after
 * the assessment date (issue 20, item 16): in-force boundary cases that assess a licensed base project on dates
 * before its licence was issued. The case loader still reads them (CaseLoader); this list may only shrink — a case
 * fixed by moving its issue date leaves it, a new contradictory case fails here.
 */
class IssuedAfterAssessmentCasesTest {

    static final Set<String> KNOWN = new TreeSet<>(List.of(
            "APP-001-boundary-2025-12-31",
            "APP-001-boundary-2026-01-01",
            "APP-042-boundary-2026-01-15",
            "APP-042-boundary-2026-01-16",
            "AUC-003-boundary-2026-01-15",
            "AUC-011-boundary-fail-12-months-and-a-day",
            "AUC-011-boundary-fail-group-iii-9-months-and-a-day",
            "AUC-011-boundary-pass-12-months",
            "AUC-011-boundary-pass-group-iii-9-months",
            "AUC-012-boundary-fail-36-months-and-a-day",
            "AUC-012-boundary-fail-group-iii-18-months-and-a-day",
            "AUC-012-boundary-pass-36-months",
            "AUC-012-boundary-pass-group-iii-18-months",
            "AUC-012-pass-group-i-governs-mixed-project",
            "ENV-001-boundary-before-lep",
            "ENV-001-boundary-from-lep",
            "ENV-008-boundary-before-atomic-energy-law",
            "ENV-008-boundary-from-atomic-energy-law",
            "EXP-001-boundary-2025-12-31",
            "EXP-001-boundary-2026-01-01",
            "EXP-001-boundary-one-export-2025-12-31",
            "EXP-001-boundary-one-export-2026-01-01",
            "EXP-001-boundary-one-export-2026-01-16",
            "EXP-002-boundary-2026-01-15",
            "EXP-002-boundary-2026-01-16",
            "EXP-003-boundary-2025-07-01",
            "EXP-003-boundary-2025-07-02",
            "EXP-004-boundary-2026-01-15",
            "EXP-004-boundary-2026-01-16",
            "EXP-007-boundary-2025-12-31",
            "FOR-004-boundary-before-decree-193",
            "FOR-004-boundary-from-decree-193",
            "FOR-006-boundary-before-decree-21",
            "FOR-006-boundary-from-decree-21",
            "OPS-002-boundary-before-law-54",
            "OPS-002-boundary-from-law-54",
            "OPS-003-boundary-before-law-54",
            "OPS-003-boundary-from-law-54",
            "OPS-004-boundary-before-law-54",
            "OPS-004-boundary-from-law-54",
            "OPS-005-boundary-before-decree-21",
            "OPS-005-boundary-from-decree-21",
            "OPS-006-boundary-before-decree-193",
            "OPS-006-boundary-from-decree-193",
            "OPS-008-boundary-before-law-42",
            "OPS-008-boundary-from-law-42",
            "REE-002-boundary-before-law-147",
            "REE-002-boundary-from-law-147",
            "REE-003-boundary-before-decree-193",
            "REE-003-boundary-from-decree-193",
            "REE-004-boundary-before-decree-21",
            "REE-004-boundary-from-decree-21",
            "REE-005-boundary-before-decree-21",
            "REE-005-boundary-from-decree-21"));

    @Test
    void onlyTheKnownBoundaryCasesContradictTheirIssueDate() throws Exception {
        Set<String> found = new TreeSet<>();
        for (TestCase c : new CaseLoader().loadAll(Path.of("cases"))) {
            if (c.project() == null) {
                continue;
            }
            List<InputError> errors = ProjectReader.json().read(Json.json().writeValueAsString(c.project())).errors();
            if (errors.stream().anyMatch(e -> e.path().equals("licence.issuedOn") && e.message().contains("is after the date it is assessed on"))) {
                found.add(c.id());
            }
        }
        assertEquals(KNOWN, found, "case files whose licence is issued after their assessment date");
    }
}
