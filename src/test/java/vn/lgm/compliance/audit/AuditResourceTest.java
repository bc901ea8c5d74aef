package vn.lgm.compliance.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.input.Json;

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
        String out = given().contentType("application/x-ndjson").body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/audits?asOf=2026-03-01&compareAsOf=2025-09-01")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<String> lines = out.lines().toList();
        assertEquals(50, lines.size());
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
        byte[] csv = Files.readAllBytes(Path.of("../shared/data/lao-cai/ds-gp-tham-do-yen-bai-6-2025.csv"));
        String out = given().contentType("text/csv").body(csv)
                .when().post("/api/v1/audits?asOf=2026-04-28&register=ds-gp-tham-do-yen-bai-6-2025.csv")
                .then().statusCode(200).extract().asString();
        List<String> lines = out.lines().toList();
        assertEquals(43, lines.size());
        assertTrue(lines.get(0).contains("\"projectId\":\"row-1 936/GP-BTNMT\""), lines.get(0));
    }

    @Test
    void badDateIsRefused() {
        given().contentType("application/x-ndjson").body("{}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/audits?asOf=01/03/2026")
                .then().statusCode(400);
    }
}
