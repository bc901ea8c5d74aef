package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.engine.Assessor;

/**
 * Every malformed request gets a 4xx whose JSON names the problem (issue 20, items 11, 15 and 16): an interview whose
 * {@code unknown} is not a list of paths, a bare description sent to the interview, a field the request does not have,
 * a shareable link that cannot be read, a flag that is neither true nor false, a body that is not UTF-8, a date with a
 * time, a path that is no endpoint; Accept-Language weights are honoured; a large description's link opens.
 */
@QuarkusTest
class MalformedRequestsTest {

    static io.restassured.response.Response postJson(String path, byte[] body) {
        return given().contentType("application/json").body(body).post(path);
    }

    static io.restassured.response.Response postJson(String path, String body) {
        return postJson(path, body.getBytes(StandardCharsets.UTF_8));
    }

    static String example() throws Exception {
        return Files.readString(Path.of("examples/rare-earth-proposal.json"));
    }

    @Test
    void theInterviewReadsItsRequestAsWritten() {
        io.restassured.response.Response r = postJson("/api/v1/interviews/next", "{\"project\": {}, \"unknown\": [1, 2, null]}");
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals(List.of("unknown[0]", "unknown[1]", "unknown[2]"), r.jsonPath().getList("errors.path"));
        assertTrue(r.jsonPath().getString("errors[2].message").contains("expected a fact's path as text"), r.asString());

        r = postJson("/api/v1/interviews/next", "{\"id\": \"P\", \"stage\": \"PROPOSAL\"}");
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals(List.of("id", "stage"), r.jsonPath().getList("errors.path"));
        assertTrue(r.jsonPath().getString("errors[0].message").contains("bare description"), r.asString());

        r = postJson("/api/v1/interviews/next", "{\"project\": {}, \"unknown\": [], \"answers\": {}}");
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("answers", r.jsonPath().getString("errors[0].path"));

        r = postJson("/api/v1/interviews/next", "{\"project\": [], \"unknown\": \"site.areaKm2\"}");
        assertEquals(List.of("project", "unknown"), r.jsonPath().getList("errors.path"), r.asString());
        r = postJson("/api/v1/interviews/next", "[1]");
        assertEquals(400, r.statusCode());
        assertEquals("$", r.jsonPath().getString("errors[0].path"));
        // the description inside is read as an assessment's is: its problems under project.
        r = postJson("/api/v1/interviews/next", "{\"project\": {\"stage\": \"SOON\", \"extra\": 1}}");
        assertEquals(List.of("project.extra", "project.stage"), r.jsonPath().getList("errors.path").stream().sorted().toList());
    }

    @Test
    void flagsDatesAndBytesAreReadAsWritten() throws Exception {
        io.restassured.response.Response r = postJson("/api/v1/assessments?counterfactuals=yes", example());
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("counterfactuals", r.jsonPath().getString("errors[0].path"));
        assertTrue(r.jsonPath().getString("errors[0].message").contains("expected true or false, found 'yes'"));

        r = postJson("/api/v1/assessments", example().replace("\"2026-03-01\"", "\"2026-03-01T09:30:00\""));
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("assessmentDate", r.jsonPath().getString("errors[0].path"));

        r = postJson("/api/v1/assessments", example().replace("\"issuedOn\": \"2021-08-06\"", "\"issuedOn\": \"0001-08-06\""));
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("licence.issuedOn", r.jsonPath().getString("errors[0].path"));

        byte[] bytes = example().getBytes(StandardCharsets.UTF_8);
        int at = example().indexOf("Lai Châu") + "Lai Ch".length();   // the â, two bytes in UTF-8
        bytes[at] = (byte) 0xFF;
        for (String path : List.of("/api/v1/assessments", "/ui/parse")) {
            r = postJson(path, bytes);
            assertEquals(400, r.statusCode(), path + ": " + r.asString());
            assertTrue(r.jsonPath().getString("errors[0].message").contains("not valid UTF-8: byte 0xFF at offset " + at),
                    path + ": " + r.asString());
        }
        r = given().contentType("application/json").body(bytes).post("/ui/report");
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("not valid UTF-8"), r.asString());
        r = postJson("/api/v1/interviews/next", new byte[] {'{', '"', 'p', (byte) 0xC0, '"', ':', '1', '}'});
        assertEquals(400, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getString("errors[0].message").contains("byte 0xC0 at offset 3"), r.asString());
    }

    @Test
    void acceptLanguageWeightsAreHonoured() throws Exception {
        String en = given().contentType("application/json").header("Accept-Language", "vi;q=0.1, en;q=0.9").body(example())
                .post("/api/v1/assessments").then().statusCode(200).extract().path("findings.find { it.ruleId == 'EXP-001' }.title");
        String vi = given().contentType("application/json").header("Accept-Language", "en;q=0.1, vi;q=0.9").body(example())
                .post("/api/v1/assessments").then().statusCode(200).extract().path("findings.find { it.ruleId == 'EXP-001' }.title");
        String catalogueEn = given().get("/api/v1/rules").then().extract().path("rules.find { it.id == 'EXP-001' }.title");
        String catalogueVi = given().get("/api/v1/rules").then().extract().path("rules.find { it.id == 'EXP-001' }.titleVi");
        assertEquals(catalogueEn, en);
        assertEquals(catalogueVi, vi);
        String step = given().contentType("application/json").header("Accept-Language", "vi;q=0.1, en;q=0.9")
                .body("{\"project\": {}, \"unknown\": []}").post("/api/v1/interviews/next").then().statusCode(200).extract().asString();
        assertFalse(step.contains("Hoạt động"), "the interview in English too");
    }

    @Test
    void pathsAndMethodsThatAreNoEndpointAnswerJson() {
        io.restassured.response.Response r = given().get("/api/v1/nothing-here");
        assertEquals(404, r.statusCode());
        assertTrue(r.jsonPath().getString("errors[0].message").contains("no such resource: GET /api/v1/nothing-here"), r.asString());
        r = given().get("/api/v1/assessments");
        assertEquals(405, r.statusCode());
        assertTrue(r.jsonPath().getString("errors[0].message").contains("not allowed"), r.asString());
    }

    @Test
    void aSharedLinkThatCannotBeReadNamesD() {
        io.restassured.response.Response r = given().accept("application/json").get("/report?d=!!not-base64!!");
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("d", r.jsonPath().getString("errors[0].path"));
        assertTrue(r.jsonPath().getString("errors[0].message").contains("base64url"), r.asString());
        r = given().accept("text/html").get("/report?d=z.AAAA");
        assertEquals(400, r.statusCode());
        assertTrue(r.asString().contains("deflated data"), r.asString());
        r = given().accept("application/json").get("/report");
        assertEquals("d", r.jsonPath().getString("errors[0].path"));
        // a small link that would inflate to a huge description is refused at the limit, not inflated
        String bomb = SharedLink.encode("{\"id\":\"" + "x".repeat(3 << 20) + "\"}");
        assertTrue(bomb.length() < 8_000, "a few KB of link: " + bomb.length());
        r = given().accept("application/json").get("/report?d=" + bomb);
        assertEquals(400, r.statusCode());
        assertTrue(r.jsonPath().getString("errors[0].message").contains("inflates past 1048576 bytes"), r.asString());
    }

    @Test
    void theLinkOfALargeDescriptionOpens() throws Exception {
        ObjectNode p = (ObjectNode) Json.json().readTree("{\"id\": \"P-LARGE\", \"assessmentDate\": \"2026-03-01\", \"stage\": \"PROPOSAL\"}");
        p.put("name", "Mỏ đá vôi " + "xã Bản Vược, huyện Bát Xát, tỉnh Lào Cai; ".repeat(60));
        ArrayNode minerals = p.putArray("minerals");
        for (int i = 0; i < 100; i++) {
            minerals.addObject().put("name", "CONSTRUCTION_STONE");
        }
        String json = p.toString();
        String plain = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        String deflated = SharedLink.encode(json);
        assertTrue(plain.length() > 4_096, "once, such a link answered 414: " + plain.length());
        assertTrue(deflated.length() < plain.length() / 4, "deflated: " + deflated.length() + " of " + plain.length());
        for (String d : List.of(deflated, plain)) {
            io.restassured.response.Response r = given().accept("text/html").get("/report?lang=en&d=" + d);
            assertEquals(200, r.statusCode(), r.asString().length() > 400 ? r.asString().substring(0, 400) : r.asString());
            assertTrue(r.asString().contains("P-LARGE"), "the report of the description");
            assertEquals("origin", r.header("Referrer-Policy"));
        }
    }

    @Test
    void aDescriptionTheLimitsRefuseIsA422NamingTheLimit() {
        Response time = new ErrorMappers().tooLarge(new Assessor.LimitExceeded("stopped", "assessment.time-limit-ms", 10_000));
        assertEquals(422, time.getStatus());
        InputError e = ((InputErrors) time.getEntity()).errors().get(0);
        assertTrue(e.message().contains("more than 10000 ms (assessment.time-limit-ms)"), e.message());
        assertFalse(e.message().contains("running away"), e.message());
        Response firings = new ErrorMappers().tooLarge(new Assessor.LimitExceeded("looping", "assessment.max-rule-firings", 10_000));
        assertTrue(((InputErrors) firings.getEntity()).errors().get(0).message().contains("(assessment.max-rule-firings)"));
    }
}
