package vn.lgm.compliance.regulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.InputRecord;
import vn.lgm.compliance.regulator.audit.Portfolio;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.regulator.history.SharedRules;

/**
 * Counts count acts (issue 22 item 7): a licence whose one concentrate shipment breaks five provisions is one breach
 * in the audit's counts, the report's licences to act on, the workbook and the history — and each of the five rules
 * stays visible in the tables by rule and in the stored finding.
 */
class ActCountsTest {

    @TempDir
    static Path dir;

    static Assessor assessor;
    static List<Project> projects = new ArrayList<>();
    static RegulatorAudit.Outcome audit;
    static HistoryStore store;

    /** A case's project under another licence number, so each record is its own licence. */
    private static Project project(String caseId, String licence) throws Exception {
        TestCase c = new CaseLoader().loadAll(Path.of("cases")).stream().filter(x -> x.id().equals(caseId)).findFirst().orElseThrow();
        ObjectNode tree = Json.json().valueToTree(c.project());
        tree.put("id", caseId);
        ((ObjectNode) tree.get("licence")).put("number", licence);
        return Json.json().treeToValue(tree, Project.class);
    }

    @BeforeAll
    static void audit() throws Exception {
        assessor = SharedRules.assessor();
        projects.add(project("EXP-001-fail-one-export-five-provisions", "1/GP-BNNMT"));
        projects.add(project("EXP-001-fail-two-exports-two-acts", "2/GP-BNNMT"));
        Path in = dir.resolve("register.ndjson");
        StringBuilder lines = new StringBuilder();
        for (Project p : projects) {
            lines.append(Json.json().writeValueAsString(p)).append('\n');
        }
        Files.writeString(in, lines);
        store = HistoryStore.open("jdbc:h2:file:" + dir.resolve("db/audits").toAbsolutePath(), null, null);
        audit = new RegulatorAudit(assessor, store).run(new RegulatorAudit.Request(in, dir.resolve("out.ndjson"),
                dir.resolve("report"), LocalDate.of(2026, 3, 1), null, null, null, null, null, "en",
                Set.of("json", "xlsx")), null);
    }

    @Test
    void theHistoryKeepsOneFindingPerActWithEveryRule() {
        List<HistoryStore.StoredRecord> records = store.records(audit.runId());
        List<HistoryStore.StoredFinding> first = records.get(0).findings().stream()
                .filter(f -> f.outcome().equals("VIOLATION")).toList();
        assertEquals(1, first.size(), "one act, one stored finding: " + first);
        assertEquals(List.of("EXP-001", "EXP-002", "EXP-003", "EXP-004", "EXP-005"), first.get(0).ruleIds());
        assertEquals(2, records.get(1).findings().stream().filter(f -> f.outcome().equals("VIOLATION")).count());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportListsALicenceOncePerActNamingEveryProvision() {
        List<Map<String, Object>> act = (List<Map<String, Object>>) audit.model().get("act");
        int listed = act.stream().mapToInt(g -> (Integer) g.get("count")).sum();
        assertEquals(3, listed, "three acts in breach: the five-provision shipment, and the two exports of the other: " + act);
        Map<String, Object> five = act.stream().filter(g -> ((String) g.get("provision")).split("; ").length == 5).findFirst().orElseThrow();
        assertEquals(1, five.get("count"));
        // the table by rule counts each rule of the act: EXP-005 broken by the first licence only, EXP-003 by both
        List<Map<String, Object>> rules = (List<Map<String, Object>>) audit.model().get("rules");
        assertEquals(List.of(1L, 2L), List.of(violations(rules, "Exported minerals must be processed"),
                violations(rules, "Strategic minerals may be exported only")));
    }

    private static long violations(List<Map<String, Object>> rules, String title) {
        return rules.stream().filter(r -> ((String) r.get("title")).startsWith(title)).mapToLong(r -> (Long) r.get("violations"))
                .findFirst().orElse(-1);
    }

    @Test
    void theWorkbookHasOneFindingRowPerActWithItsProvisions() throws Exception {
        Path xlsx = audit.written().stream().filter(p -> p.toString().endsWith(".xlsx")).findFirst().orElseThrow();
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(xlsx))) {
            Sheet findings = wb.getSheetAt(1);
            List<String> provisions = new ArrayList<>();
            for (Row r : findings) {
                if (r.getRowNum() > 0 && r.getCell(0).getStringCellValue().startsWith("1/") && r.getCell(3).getStringCellValue().equals("breach")) {
                    provisions.add(r.getCell(4).getStringCellValue());
                }
            }
            assertEquals(1, provisions.size(), provisions::toString);
            assertEquals(5, provisions.get(0).split("; ").length, provisions.get(0));
            Sheet licences = wb.getSheetAt(0);
            String breaches = licences.getRow(1).getCell(7).getStringCellValue();
            assertFalse(breaches.contains(";"), "one breach for the first licence: " + breaches);
        }
    }

    @Test
    void theAuditsCountsCountActsAndItsLawComparisonEachRule() {
        Portfolio portfolio = new Portfolio(assessor.rules());
        for (int i = 0; i < projects.size(); i++) {
            Project p = projects.get(i);
            portfolio.accept(new AuditRunner.Result(new InputRecord(i + 1, p.id(), p, List.of()), assessor.assess(p),
                    assessor.assess(p.withAssessmentDate(LocalDate.of(2025, 12, 31))), null));
        }
        assertEquals(3, portfolio.byDistrict().stream().mapToLong(g -> g.violations).sum(), "three acts in breach");
        Portfolio.RuleCount exp005 = portfolio.rulesByViolations().stream().filter(c -> c.ruleId.equals("EXP-005")).findFirst().orElseThrow();
        assertEquals(1, exp005.count(Outcome.VIOLATION));
        // From 31 December 2025 to 1 March 2026 the shipment's finding gains the raw-export ban and D193 Arts 110a and
        // 99(3) and keeps Art 108(4)(c) and Circular 23: nothing it broke disappears, though another rule now leads it.
        assertTrue(portfolio.disappeared().isEmpty(), () -> portfolio.disappeared().stream().map(c -> c.ruleId).toList().toString());
        assertTrue(portfolio.appeared().stream().anyMatch(c -> c.ruleId.equals("EXP-001")));
    }
}
