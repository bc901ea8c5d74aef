package vn.lgm.compliance.regulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.DuePoint;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.regulator.history.SharedRules;

/**
 * What a department head reads is exact (issue 21, items 5 and 6; issue 20, item 16): the report separates the
 * breaches the register records from those that rest on a cell it leaves empty, states the convention by which it
 * read such a cell and where it comes from, and does not call a stopped mine's construction duties breaches
 * (482/GP-UBND, stopped since its licence expired in 2010); every count of the summary, the tables, the workbook and
 * the command's summary line comes from one tally; lawAsOf is a date or null; a NUL left in a register cell never
 * reaches the page.
 */
class DepartmentReportTest {

    static final Path FOLLOW_UP = Path.of("data/lao-cai/theo-doi-phap-ly-mo-khai-thac-4-2026.csv");
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 28);

    @TempDir
    static Path dir;

    static Assessor assessor;
    static HistoryStore store;
    static RegulatorAudit.Outcome followUp;

    @BeforeAll
    static void audit() throws Exception {
        assessor = SharedRules.assessor();
        store = HistoryStore.open("jdbc:h2:mem:department-report-test", null, null);
        // The register as published, but for a NUL a spreadsheet left in a holder's name (row 2).
        List<String> csv = new ArrayList<>(Files.readAllLines(FOLLOW_UP, StandardCharsets.UTF_8));
        csv.set(2, csv.get(2).replaceFirst(",([^,\"]+),", ",$1\u0000 \u0007,"));
        Path in = dir.resolve(FOLLOW_UP.getFileName());
        Files.write(in, csv, StandardCharsets.UTF_8);
        followUp = new RegulatorAudit(assessor, store).run(new RegulatorAudit.Request(in, dir.resolve("out.ndjson"),
                dir.resolve("report"), AS_OF, null, null, null, null, null, "en", Set.of("html", "json", "xlsx")), null);
    }

    static HistoryStore.StoredRecord licence(String number) {
        return store.records(followUp.runId()).stream().filter(r -> number.equals(r.licenceNumber())).findFirst().orElseThrow();
    }

    @Test
    void aStoppedMinesConstructionDutiesAreNotBreaches() {
        HistoryStore.StoredRecord stopped = licence("482/GP-UBND");
        assertTrue(stopped.stopped(), "the register records it as stopped (Dừng KT)");
        assertTrue(stopped.assumed().isEmpty(), "its empty cells are not read as 'not done'");
        assertFalse("NON_COMPLIANT".equals(stopped.verdict()), stopped.toString());
        assertEquals("INSUFFICIENT_INFORMATION", stopped.findings().stream().filter(f -> f.ruleId().equals("OPS-002"))
                .findFirst().orElseThrow().outcome(), "land lease: a question, not a breach");
        // No stopped mine of the register has a construction duty as a breach.
        Map<String, RuleInfo> rules = new HashMap<>();
        assessor.rules().catalogue().forEach(r -> rules.put(r.id(), r));
        long stoppedMines = 0;
        for (HistoryStore.StoredRecord r : store.records(followUp.runId())) {
            if (r.ok() && r.stopped()) {
                stoppedMines++;
                assertTrue(r.findings().stream().noneMatch(f -> f.outcome().equals("VIOLATION")
                        && rules.get(f.ruleId()).dueAt() == DuePoint.CONSTRUCTION), r.licenceNumber() + ": " + r.findings());
            }
        }
        assertEquals(21, stoppedMines, "the register's stopped mines (Dừng KT, Dừng XDCB)");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theReportSeparatesWhatTheRegisterRecordsFromWhatItLeavesEmptyAndSaysHowItReadIt() throws Exception {
        Map<String, Object> m = followUp.model();
        List<Map<String, Object>> recorded = (List<Map<String, Object>>) m.get("act");
        List<Map<String, Object>> empty = (List<Map<String, Object>>) m.get("actEmpty");
        assertFalse(recorded.isEmpty());
        assertFalse(empty.isEmpty());
        // Every breach listed under "recorded" rests on what the register says; every one under "empty cells" on a
        // cell it leaves empty, read as not done.
        Map<String, List<HistoryStore.StoredRecord>> byLicence = new HashMap<>();
        store.records(followUp.runId()).forEach(r -> byLicence.computeIfAbsent(r.licenceNumber(), k -> new ArrayList<>()).add(r));
        for (boolean onEmpty : List.of(false, true)) {
            for (Map<String, Object> g : onEmpty ? empty : recorded) {
                for (Map<String, Object> l : (List<Map<String, Object>>) g.get("licences")) {
                    List<HistoryStore.StoredRecord> rows = byLicence.get((String) l.get("licenceFull"));
                    assertNotNull(rows, l.toString());
                    assertTrue(rows.stream().anyMatch(r -> r.findings().stream().anyMatch(f -> f.outcome().equals("VIOLATION")
                            && Tally.restsOnEmptyCell(r, f) == onEmpty)), g.get("title") + ": " + l);
                }
            }
        }
        // OPS-001, a mine worked on an expired licence, rests on what the register records.
        assertTrue(recorded.stream().anyMatch(g -> g.get("title").equals("A mine may not be worked on an expired licence")));
        List<String> reading = (List<String>) m.get("reading");
        String text = String.join(" ", reading);
        assertTrue(text.contains("unknown, never “not done”"), text);
        assertTrue(text.contains("section 1") && text.contains("Nop_TKM, TB_GDDH_mo, Ban_giao_moc, QD_thue_dat, Ky_quy_PHMT, Tram_can")
                && text.contains("mappings/lao-cai.yaml"), "the convention and where it comes from: " + text);
        assertTrue(text.contains("stopped (21 licences)"), text);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.indexOf("id=\"reading\"") < html.indexOf("id=\"act\"") && html.indexOf("id=\"act\"") < html.indexOf("id=\"act-empty\""));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCountComesFromOneTally() throws Exception {
        Map<String, Object> m = followUp.model();
        Map<String, Long> verdicts = (Map<String, Long>) m.get("verdictCounts");
        Map<String, Object> counts = (Map<String, Object>) m.get("counts");
        Map<String, Long> findings = (Map<String, Long>) counts.get("findings");
        Map<String, Long> licencesWith = (Map<String, Long>) counts.get("licencesWith");
        HistoryStore.Run run = store.run(followUp.runId());
        // The run's row (what the HTTP summary line and GET /api/v1/audits/{id} say) agrees with the report.
        assertEquals(Map.of("NON_COMPLIANT", run.nonCompliant(), "INCOMPLETE", run.incomplete(), "CONDITIONAL", run.conditional(),
                "COMPLIANT", run.compliant()), Map.copyOf(verdicts));
        // The summary says what the tables count: the licences with steps to take and their findings.
        List<String> summary = (List<String>) m.get("summary");
        assertTrue(summary.contains(String.format("%d licences have steps still to take (%d findings, listed in the workbook); for %d of"
                + " them these are all there is to act on. %d comply fully.", licencesWith.get("OBLIGATION"), findings.get("OBLIGATION"),
                verdicts.get("CONDITIONAL"), verdicts.get("COMPLIANT"))), summary.toString());
        assertTrue(findings.get("OBLIGATION") > 0 && licencesWith.get("OBLIGATION") > 0, "the register has steps still to take");
        assertEquals(verdicts.get("NON_COMPLIANT"), (Long) counts.get("breakingOnRecord") + (Long) counts.get("breakingOnEmptyCellsOnly"));
        // Each breach (one act) is listed once under its act, with what the register records or apart on empty cells.
        long listedActs = 0;
        for (String section : List.of("act", "actEmpty")) {
            for (Map<String, Object> g : (List<Map<String, Object>>) m.get(section)) {
                listedActs += (Integer) g.get("count");
            }
        }
        assertEquals(findings.get("VIOLATION"), listedActs);
        // The table by rule counts each rule of an act; here every act breaks one rule, so the totals agree.
        long violations = 0;
        for (Map<String, Object> r : (List<Map<String, Object>>) m.get("rules")) {
            violations += (Long) r.get("violations");
        }
        assertEquals(findings.get("VIOLATION"), violations);
        // The workbook lists exactly the findings counted, by outcome.
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("report.xlsx")))) {
            Sheet sheet = wb.getSheet("Findings");
            Map<String, Long> listed = new HashMap<>();
            for (Row row : sheet) {
                if (row.getRowNum() > 0) {
                    listed.merge(row.getCell(3).getStringCellValue(), 1L, Long::sum);
                }
            }
            assertEquals(findings.get("OBLIGATION"), listed.get("step to take"));
            assertEquals(findings.get("VIOLATION"), listed.get("breach"));
        }
        // The command's summary line prints the same counts.
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RegulatorAudit.printSummary(new PrintStream(printed, true, StandardCharsets.UTF_8), followUp);
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("Licences by result: Breaks the law " + verdicts.get("NON_COMPLIANT") + " · Information missing "
                + verdicts.get("INCOMPLETE") + " · Steps still to take " + verdicts.get("CONDITIONAL") + " · Complies "
                + verdicts.get("COMPLIANT")), text);
        summary.forEach(s -> assertTrue(text.contains("  - " + s + "\n"), s));
    }

    @Test
    void lawAsOfIsADateOrNullNeverTheWordNull() throws Exception {
        JsonNode report = Json.json().readTree(dir.resolve("report.json").toFile());
        assertEquals("2026-04-28", report.get("lawAsOf").asText());
        JsonNode manifest = Json.json().readTree(dir.resolve("out.manifest.json").toFile());
        assertEquals("2026-04-28", manifest.get("lawAsOf").asText());

        // A run with each record's own date: null, in the report, the manifest and a comparison with it.
        Path in = dir.resolve("records.jsonl");
        SyntheticProjects.write(in, 10, 3);
        RegulatorAudit audit = new RegulatorAudit(assessor, store);
        RegulatorAudit.Outcome first = audit.run(new RegulatorAudit.Request(in, dir.resolve("own-1.ndjson"), dir.resolve("own-1"),
                null, null, null, null, null, null, "en", Set.of("json")), null);
        RegulatorAudit.Outcome second = audit.run(new RegulatorAudit.Request(in, dir.resolve("own-2.ndjson"), dir.resolve("own-2"),
                null, null, null, first.runId(), null, null, "en", Set.of("json")), null);
        JsonNode own = Json.json().readTree(dir.resolve("own-2.json").toFile());
        assertTrue(own.has("lawAsOf") && own.get("lawAsOf").isNull(), own.get("lawAsOf").toString());
        assertTrue(Json.json().readTree(dir.resolve("own-2.manifest.json").toFile()).get("lawAsOf").isNull());
        String changes = Json.json().writeValueAsString(vn.lgm.compliance.regulator.history.Changes.between(store, second.runId(),
                first.runId(), new vn.lgm.compliance.texts.RuleNames(assessor.rules()), "en"));
        assertFalse(changes.contains("\"null\""), changes);
        assertTrue(Files.readString(dir.resolve("own-2.json")).indexOf("\"null\"") < 0);
    }

    @Test
    void aControlCharacterInARegisterCellNeverReachesTheReport() throws Exception {
        for (String ext : List.of(".html", ".json")) {
            String text = Files.readString(dir.resolve("report" + ext));
            assertFalse(text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'), "report" + ext);
            assertFalse(text.contains("\\u0000") || text.contains("&#0;"), "report" + ext);
        }
        HistoryStore.StoredRecord row2 = store.records(followUp.runId()).get(1);
        assertFalse((row2.name() + row2.holder() + row2.descriptionJson()).chars().anyMatch(c -> c < 0x20 && c != '\n'), row2.toString());
    }
}
