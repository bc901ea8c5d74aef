package vn.lgm.compliance.regulator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.texts.EnglishDetector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.report.ForwardLook;
import vn.lgm.compliance.regulator.report.RegulatorAudit;
import vn.lgm.compliance.texts.RuleNames;

/**
 * The audit history on the embedded database: the three Lào Cai registers audited and stored; audited again, only
 * the licences the test changed show under "since the last audit"; the forward look lists exactly the licences
 * whose expiry (as the register records it) falls in the window; the report is in Vietnamese without codes.
 */
class AuditHistoryTest {

    static final Path DATA = Path.of("data/lao-cai");
    static final String FOLLOW_UP = "theo-doi-phap-ly-mo-khai-thac-4-2026.csv";
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 28);
    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    static Assessor assessor;

    @TempDir
    static Path dir;

    static HistoryStore store;

    /** The follow-up register audited once as of 28 April 2026 with a 180-day forward look; the tests share it. */
    static RegulatorAudit.Outcome followUp;

    @BeforeAll
    static void setUp() throws Exception {
        assessor = SharedRules.assessor();
        store = HistoryStore.open("jdbc:h2:file:" + dir.resolve("db/audits").toAbsolutePath(), null, null);
        followUp = audit(DATA.resolve(FOLLOW_UP), "follow-up", 180);
    }

    static RegulatorAudit.Outcome audit(Path in, String name, Integer horizon) throws Exception {
        Path out = dir.resolve(name + ".ndjson");
        return new RegulatorAudit(assessor, store).run(new RegulatorAudit.Request(in, out, dir.resolve(name), AS_OF, null,
                null, null, horizon, null, null, Set.of("html", "json", "xlsx")), null);
    }

    @Test
    void theThreeRegistersAuditedTwiceShowExactlyTheLicencesChanged() throws Exception {
        Map<String, Long> firstRuns = new HashMap<>();
        firstRuns.put(FOLLOW_UP, followUp.runId());
        for (String file : List.of("ds-gp-khai-thac-31-10-2025.csv", "ds-gp-tham-do-yen-bai-6-2025.csv")) {
            RegulatorAudit.Outcome o = audit(DATA.resolve(file), "first-" + file, null);
            firstRuns.put(file, o.runId());
            HistoryStore.Run run = store.run(o.runId());
            assertTrue(run.complete());
            assertEquals(o.run().records(), run.records());
            assertEquals(run.records(), store.records(o.runId()).size(), "every record stored");
            assertEquals(run.records(), run.assessed() + run.errors());
        }
        // The follow-up register: 60 NON_COMPLIANT, stored with its findings and keyed by licence number.
        HistoryStore.Run stored = store.run(firstRuns.get(FOLLOW_UP));
        assertEquals(44, stored.nonCompliant());
        List<HistoryStore.StoredRecord> records = store.records(stored.id());
        HistoryStore.StoredRecord khe = records.stream().filter(r -> "937/GP-UBND".equals(r.licenceNumber())).findFirst().orElseThrow();
        assertEquals("937/GP-UBND", khe.key());
        assertTrue(khe.findings().stream().anyMatch(f -> f.ruleId().equals("OPS-001") && f.outcome().equals("VIOLATION")
                && f.facts().stream().anyMatch(v -> v.path().equals("licence.expiresOn"))), "findings stored with their facts");
        assertNotNull(HistoryJson.project(khe.descriptionJson()).licence().expiresOn(), "the description stored");

        // Change three licences of the follow-up register: two recorded as mining on a licence that expired in 2020,
        // one mining on an expired licence renewed to 2030.
        List<HistoryStore.StoredRecord> unique = records.stream().filter(HistoryStore.StoredRecord::ok)
                .filter(r -> r.licenceNumber() != null && r.key().equals(r.licenceNumber())).toList();
        List<HistoryStore.StoredRecord> toExpire = unique.stream()
                .filter(r -> r.findings().stream().noneMatch(f -> f.ruleId().equals("OPS-001") || f.ruleId().equals("OPS-007")))
                .filter(r -> r.expiresOn() != null && r.expiresOn().isAfter(AS_OF)).limit(2).toList();
        HistoryStore.StoredRecord toRenew = unique.stream()
                .filter(r -> r.findings().stream().anyMatch(f -> f.ruleId().equals("OPS-001") && f.outcome().equals("VIOLATION")))
                .findFirst().orElseThrow();
        Map<Integer, Map<String, String>> edits = new HashMap<>();
        for (HistoryStore.StoredRecord r : toExpire) {
            edits.put(row(r), Map.of("Ngay_het_han", "01/01/2020", "Hien_trang", "Đang KT"));
        }
        edits.put(row(toRenew), Map.of("Ngay_het_han", "31/12/2030"));
        Path edited = dir.resolve("edition-2").resolve(FOLLOW_UP);
        Files.createDirectories(edited.getParent());
        rewrite(DATA.resolve(FOLLOW_UP), edited, edits);

        Set<String> expected = new TreeSet<>();
        toExpire.forEach(r -> expected.add(r.licenceNumber()));
        expected.add(toRenew.licenceNumber());
        for (String file : List.of("ds-gp-khai-thac-31-10-2025.csv", "ds-gp-tham-do-yen-bai-6-2025.csv", FOLLOW_UP)) {
            Path in = file.equals(FOLLOW_UP) ? edited : DATA.resolve(file);
            RegulatorAudit.Outcome o = audit(in, "second-" + file, null);
            // By default the comparison is with the previous run of the same register.
            assertEquals(firstRuns.get(file), store.previousRun(o.runId()).id());
            Changes.Report c = Changes.between(store, o.runId(), firstRuns.get(file), new RuleNames(assessor.rules()), "en");
            Set<String> changed = c.all().stream().map(Changes.LicenceChange::licence).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(file.equals(FOLLOW_UP) ? expected : Set.of(), changed, file);
            assertTrue(c.newInRegister().isEmpty() && c.goneFromRegister().isEmpty());
            if (file.equals(FOLLOW_UP)) {
                for (Changes.LicenceChange lc : c.all()) {
                    List<Changes.FindingChange> all = new ArrayList<>(lc.added());
                    all.addAll(lc.removed());
                    assertTrue(all.stream().anyMatch(f -> f.ruleId().equals("OPS-001") && !f.provision().isBlank()
                            && !f.title().isBlank()), "attributed to rule and provision: " + lc);
                    assertTrue(lc.descriptionChanged());
                }
                assertTrue(c.byRule().stream().anyMatch(r -> r.ruleId().equals("OPS-001") && r.added() == 2 && r.removed() == 1),
                        c.byRule().toString());
                // The report says so, in Vietnamese, in every format.
                String html = Files.readString(dir.resolve("second-" + file + ".html"));
                assertTrue(html.contains("Thay đổi so với lần rà soát trước"), "since-the-last-audit section");
                for (String licence : expected) {
                    assertTrue(html.contains(licence), licence);
                }
                try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("second-" + file + ".xlsx")))) {
                    assertEquals(List.of("Giấy phép", "Phát hiện", "Điều khoản", "Thay đổi"),
                            List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)));
                    assertEquals(3, wb.getSheet("Thay đổi").getLastRowNum(), "three changed licences on the changes sheet");
                    assertEquals(209, wb.getSheet("Giấy phép").getLastRowNum());
                }
            }
        }
    }

    @Test
    void theForwardLookListsTheLicencesExpiringWithinTheHorizon() throws Exception {
        RegulatorAudit.Outcome o = followUp;
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> due = (List<Map<String, Object>>) ((Map<String, Object>) o.model().get("due")).get("rows");
        LocalDate until = AS_OF.plusDays(180);
        // The register's own dates: every readable row whose Ngay_het_han falls in (as-of, as-of + 180 days].
        Set<String> readable = store.records(o.runId()).stream().filter(HistoryStore.StoredRecord::ok)
                .map(HistoryStore.StoredRecord::recordId).collect(Collectors.toSet());
        Set<String> expected = new TreeSet<>();
        int n = 0;
        for (Map<String, String> row : rows(DATA.resolve(FOLLOW_UP))) {
            n++;
            String licence = row.get("So_GP").strip().replaceAll("\\s+", " ");
            String expiry = row.get("Ngay_het_han").strip();
            if (expiry.isEmpty() || !readable.contains("row-" + n + " " + licence)) {
                continue;
            }
            LocalDate d = LocalDate.parse(expiry, DMY);
            if (d.isAfter(AS_OF) && !d.isAfter(until)) {
                expected.add(licence);
            }
        }
        assertFalse(expected.isEmpty(), "the register has licences expiring within 180 days of 28 April 2026");
        Set<String> expiring = due.stream().filter(d -> d.get("what").equals("Giấy phép hết hạn"))
                .map(d -> (String) d.get("licence")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, expiring);
        for (Map<String, Object> d : due) {
            assertFalse(((List<?>) d.get("findings")).isEmpty(), "each entry says what the rules then find: " + d);
        }
        // The same through the scanner, in English, with dates.
        ForwardLook.Report report = ForwardLook.scan(assessor, store.records(o.runId()), AS_OF, 180,
                new RuleNames(assessor.rules()), "en");
        assertTrue(report.due().stream().filter(d -> d.event().equals(ForwardLook.EXPIRY))
                .allMatch(d -> d.date().equals(d.expiresOn()) && d.date().isAfter(AS_OF) && !d.date().isAfter(until)));
    }

    @Test
    void theReportReadsAsPlainVietnameseWithoutCodesOrFileNames() throws Exception {
        RegulatorAudit.Outcome o = followUp;
        String html = Files.readString(dir.resolve("follow-up.html"));
        assertTrue(html.contains("<html lang=\"vi\""));
        assertTrue(html.contains("44 trên 207 giấy phép vi phạm pháp luật."), "plain summary first");
        assertTrue(html.indexOf("id=\"summary\"") < html.indexOf("id=\"act\"") && html.indexOf("id=\"act\"") < html.indexOf("id=\"charts\"")
                && html.indexOf("id=\"charts\"") < html.indexOf("id=\"details\""), "summary, licences to act on, charts, details");
        String text = html.replaceAll("<style>[\\s\\S]*?</style>", "").replaceAll("<[^>]+>", " ");
        for (String leak : List.of("OPS-0", "LIC-0", "provisions.md", "obligations.md", "provisions.yaml", "[row-", "NON_COMPLIANT",
                "INSUFFICIENT_INFORMATION", "Tầng 14", "Gian hạn")) {
            assertFalse(text.contains(leak), "the report shows '" + leak + "'");
        }
        assertFalse(text.matches("(?s).*\\[[^\\]]*, [^\\]]*\\].*") && text.contains("[OPS"), "no Java list syntax");
        // Districts normalised: former district names, no raw addresses.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> districts = (List<Map<String, Object>>) o.model().get("byDistrict");
        assertTrue(districts.size() <= 22, districts.toString());
        // Minerals normalised: one "Cát XD" whatever the case, accents or note in brackets.
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> minerals = (List<Map<String, Object>>) o.model().get("byMineral");
        assertEquals(1, minerals.stream().filter(m -> ((String) m.get("name")).toLowerCase().startsWith("cát xd")).count(), minerals.toString());
        assertEquals(1, minerals.stream().filter(m -> ((String) m.get("name")).toLowerCase().startsWith("cát, sỏi")
                && !((String) m.get("name")).toLowerCase().contains("xd")).count(), minerals.toString());
    }

    /**
     * The register is read in Vietnamese on every path (issue 21, items 3 and 4): the full output lines, the workbook's
     * facts and missing facts (labels and value names, not JSON paths), the report's dates (dd/MM/yyyy) — and none of
     * the words the project writes there is English.
     */
    @Test
    void theLinesTheWorkbookAndTheReportUseTheReadersWords() throws Exception {
        // the full lines: the findings written in Vietnamese, facts named by their labels
        List<String> lines = Files.readAllLines(dir.resolve("follow-up.ndjson"));
        JsonNode first = Json.json().readTree(lines.get(0));
        for (JsonNode f : first.get("findings")) {
            String words = f.get("title").asText() + " " + f.get("citation").get("label").asText() + " "
                    + f.get("explanation").asText() + " " + f.get("remediation").asText();
            assertEquals(List.of(), EnglishDetector.englishWords(words), words);
        }
        for (String reason : Json.json().convertValue(first.get("derived").get("explanations"), String[].class)) {
            assertEquals(List.of(), EnglishDetector.englishWords(reason), reason);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(Files.newInputStream(dir.resolve("follow-up.xlsx")))) {
            var sheet = wb.getSheet("Phát hiện");
            assertEquals(List.of("Quy định", "Kết luận", "Căn cứ", "Điều khoản", "Dữ kiện", "Dữ kiện còn thiếu"),
                    List.of(2, 3, 4, 5, 6, 7).stream().map(i -> sheet.getRow(0).getCell(i).getStringCellValue()).toList());
            int missing = 0;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                for (int c = 2; c <= 7; c++) {
                    String cell = sheet.getRow(r).getCell(c).getStringCellValue();
                    assertEquals(List.of(), EnglishDetector.englishWords(cell), "row " + r + " column " + c + ": " + cell);
                    assertFalse(cell.matches("(?s).*\\b(site|licence|operations|environment|proponent)\\.[a-z].*"), cell);
                }
                missing += sheet.getRow(r).getCell(7).getStringCellValue().isEmpty() ? 0 : 1;
            }
            assertTrue(missing > 100, "the missing facts are listed: " + missing);
            var licences = wb.getSheet("Giấy phép");
            for (int r = 1; r <= licences.getLastRowNum(); r++) {
                String expires = licences.getRow(r).getCell(5).getStringCellValue();
                assertTrue(expires.isEmpty() || expires.matches("\\d{2}/\\d{2}/\\d{4}"), expires);
            }
        }
        String html = Files.readString(dir.resolve("follow-up.html")).replaceAll("<style>[\\s\\S]*?</style>", "");
        assertFalse(html.matches("(?s).*>[^<]*\\b20\\d\\d-\\d\\d-\\d\\d\\b[^<]*<.*"), "no ISO date a reader sees");
        assertTrue(html.contains("28/04/2026"), "the law's date as written in Vietnamese");
    }

    private static int row(HistoryStore.StoredRecord r) {
        return Integer.parseInt(r.recordId().substring(4, r.recordId().indexOf(' ')));
    }

    static List<Map<String, String>> rows(Path csv) throws Exception {
        CsvMapper mapper = new CsvMapper();
        List<Map<String, String>> rows = new ArrayList<>();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(new LinkedHashMap<>(it.nextValue()));
            }
        }
        return rows;
    }

    /** Writes the register again with some cells changed (data rows 1-based), as published: BOM, same header. */
    static void rewrite(Path from, Path to, Map<Integer, Map<String, String>> edits) throws Exception {
        List<Map<String, String>> rows = rows(from);
        CsvSchema.Builder schema = CsvSchema.builder();
        rows.get(0).keySet().forEach(schema::addColumn);
        for (Map.Entry<Integer, Map<String, String>> e : edits.entrySet()) {
            rows.get(e.getKey() - 1).putAll(e.getValue());
        }
        try (Writer w = Files.newBufferedWriter(to, StandardCharsets.UTF_8)) {
            w.write('\uFEFF');
            new CsvMapper().writer(schema.build().withHeader()).writeValues(w).writeAll(rows).close();
        }
    }
}
