package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.contract.input.Json;

/** POST /api/v1/audits streams one NDJSON line per input record, in input order. */
@QuarkusTest
class AuditResourceTest {

    @Test
    void ndjsonInOneLinePerRecordInOrder() throws Exception {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json")).replaceAll("\\s*\\R\\s*", " ");
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            body.append(i == 17 ? "{\"id\": \"BAD-17\", \"stage\": \"SOON\"}" : example.replace("\"P-001\"", "\"P-" + i + "\""))
                    .append('\n');
        }
        String out = Users.regulator().contentType("application/x-ndjson").body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/audits?asOf=2026-03-01&compareAsOf=2025-09-01")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> all = out.lines().toList();
        // Each assessment is followed by its comparison line (compareAsOf); the last line is the summary.
        List<String> lines = all.stream().filter(l -> !l.startsWith("{\"comparison\"") && !l.startsWith("{\"summary\"")).toList();
        assertEquals(50, lines.size());
        assertEquals(49, all.stream().filter(l -> l.startsWith("{\"comparison\"")).count());
        JsonNode summary = Json.json().readTree(all.get(all.size() - 1)).get("summary");
        assertEquals(50, summary.get("records").asInt());
        assertEquals(49, summary.get("assessed").asInt());
        assertEquals(1, summary.get("errors").asInt());
        assertTrue(summary.get("complete").asBoolean());
        JsonNode comparison = Json.json().readTree(all.get(1)).get("comparison");
        assertEquals("P-0", comparison.get("projectId").asText());
        assertEquals("2025-09-01", comparison.get("compareAsOf").asText());
        assertTrue(comparison.get("appeared").toString().contains("EXP-001 VIOLATION"), "LGM Art 85a applies from 2026: " + comparison);
        for (int i = 0; i < 50; i++) {
            JsonNode r = Json.json().readTree(lines.get(i));
            if (i == 17) {
                assertEquals(18, r.get("line").asInt());
                assertEquals("BAD-17", r.get("id").asText());
                assertEquals("stage", r.get("errors").get(0).get("path").asText());
            } else {
                assertEquals("P-" + i, r.get("projectId").asText());
                assertEquals("2026-03-01", r.get("lawAsOf").asText());
            }
        }
    }

    @Test
    void csvRegisterIn() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("data/lao-cai/ds-gp-tham-do-yen-bai-6-2025.csv"));
        String out = Users.regulator().contentType("text/csv").body(csv)
                .when().post("/api/v1/audits?asOf=2026-04-28")
                .then().statusCode(200).extract().asString();
        List<String> lines = out.lines().toList();
        assertEquals(44, lines.size(), "43 records and the summary");
        assertTrue(lines.get(0).contains("\"projectId\":\"row-1 936/GP-BTNMT\""), lines.get(0));
    }

    @Test
    void badDateIsRefused() {
        Users.regulator().contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/audits?asOf=01/03/2026")
                .then().statusCode(400);
    }
}
