package vn.lgm.compliance.regulator.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.Json;

/** The three real Lào Cai registers audit as published: nothing lost, and the report names the mines that matter. */
class LaoCaiRegistersTest {

    static final Path DATA = Path.of("data/lao-cai");
    static final LocalDate AS_OF = LocalDate.of(2026, 4, 28);

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"ds-gp-khai-thac-31-10-2025.csv", "ds-gp-tham-do-yen-bai-6-2025.csv",
            "theo-doi-phap-ly-mo-khai-thac-4-2026.csv"})
    void everyRecordOfTheRegisterGivesExactlyOneLine(String file) throws Exception {
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(DATA.resolve(file), out, dir.resolve("report"), AS_OF, null, null, null);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        long dataRows = csvRecords(DATA.resolve(file));
        assertEquals(dataRows, run.records(), "records read");
        assertEquals(run.records(), lines.size(), "one output line per record");
        assertEquals(run.records(), run.assessed() + run.errors(), "records in = assessed + errors");
        JsonNode manifest = Json.json().readTree(Audit.manifestPath(out).toFile());
        assertEquals(run.records(), manifest.get("records").asLong());
        assertEquals(64, manifest.get("inputSha256").asText().length());
        assertTrue(manifest.get("balanced").asBoolean());
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Licence register audit"));
    }

    @Test
    void theReportNamesTheMinesStillOperatingOnAnExpiredLicence() throws Exception {
        Path out = dir.resolve("follow-up.ndjson");
        new Audit(Rules.assessor()).run(DATA.resolve("theo-doi-phap-ly-mo-khai-thac-4-2026.csv"), out, dir.resolve("report"),
                AS_OF, LocalDate.of(2025, 10, 31), null, null);
        JsonNode report = Json.json().readTree(dir.resolve("report.json").toFile());
        JsonNode expired = null;
        for (JsonNode r : report.get("rules")) {
            if (r.get("ruleId").asText().equals("OPS-001")) {
                expired = r;
            }
        }
        assertTrue(expired != null && expired.get("violations").asLong() > 0, "OPS-001 violations reported");
        String names = expired.get("violatingRecords").toString();
        // Row 16: Hoàng Minh Anh, iron ore at Khe Ron, licence 937/GP-UBND expired 16/06/2011, status "Đang KT".
        assertTrue(names.contains("Khe Ron") && names.contains("937/GP-UBND"), names);
        // Row 3: Cường Thịnh, expired 16/07/2022, still "Đang KT".
        assertTrue(names.contains("53/GP-UBND"), names);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("Khe Ron") && html.contains("<svg"), "the HTML names the mine and draws its charts");
        assertTrue(!html.contains("<script") && !html.contains("http://") && !html.contains("https://"), "self-contained");
        // The amendment comparison attributes changes to rules.
        assertTrue(report.get("amendmentImpact").get("appeared").size() > 0);
    }

    @Test
    void blanksOutsideTheTrackedBlockStayUnknown() throws Exception {
        Path out = dir.resolve("follow-up.ndjson");
        new Audit(Rules.assessor()).run(DATA.resolve("theo-doi-phap-ly-mo-khai-thac-4-2026.csv"), out, null, AS_OF, null, null, null);
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        // Data rows 138-209 (former Lào Cai) were never filled in: no construction-gated finding may be a violation.
        for (String line : lines) {
            JsonNode a = Json.json().readTree(line);
            if (!a.has("projectId") || !a.get("projectId").asText().matches("row-(1[4-9]\\d|20\\d|13[89])\\b.*")) {
                continue;
            }
            for (JsonNode f : a.get("findings")) {
                if (f.get("ruleId").asText().matches("OPS-00[2356]")) {
                    assertEquals("INSUFFICIENT_INFORMATION", f.get("outcome").asText(), line);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long csvRecords(Path file) throws Exception {
        var it = new com.fasterxml.jackson.dataformat.csv.CsvMapper().readerFor(Map.class)
                .with(com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader()).readValues(file.toFile());
        long n = 0;
        while (it.hasNextValue()) {
            it.nextValue();
            n++;
        }
        return n;
    }
}
