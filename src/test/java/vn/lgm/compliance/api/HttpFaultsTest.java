package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import vn.lgm.compliance.regulator.audit.Audit;
import vn.lgm.compliance.regulator.audit.Rules;
import vn.lgm.compliance.contract.input.Json;

/**
 * The service under hostile input and load (issue #12), against the test instance on 127.0.0.1 only: slow uploads,
 * a list of 100,000 entries, dates outside the rules' span, an audit larger than any request body, the same
 * register through HTTP and the command.
 */
@QuarkusTest
class HttpFaultsTest {

    static final String EXAMPLE_PATH = "examples/rare-earth-proposal.json";

    private static Response post(String path, String type, String body) {
        // the regulators' endpoints with the regulator's login; the public ones without any
        return (path.startsWith("/api/v1/audits") ? Users.regulator() : given()).contentType(type)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post(path);
    }

    @Test
    void threeHundredSlowUploadsDoNotTakeTheServiceDown() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", RestAssured.port);
                OutputStream o = s.getOutputStream();
                String request = i % 10 == 0
                        ? "POST /api/v1/audits HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-ndjson\r\n" + Users.regulatorHeader()
                          + "Transfer-Encoding: chunked\r\n\r\n7\r\n{\"id\": \r\n"
                        : "POST /api/v1/assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                          + "Content-Length: 1000\r\n\r\n{\"id\": \"P";
                o.write(request.getBytes(StandardCharsets.US_ASCII));
                o.flush();
                slow.add(s);
            }
            // All 300 are stalled mid-body. The service still answers: health, an assessment, and an audit is either
            // run or refused with a JSON 503 while the slow audits hold the audit slots.
            given().when().get("/q/health/ready").then().statusCode(200);
            Response r = post("/api/v1/assessments", "application/json", Files.readString(Path.of(EXAMPLE_PATH)));
            assertEquals(200, r.statusCode(), r.asString());
            Response audit = post("/api/v1/audits", "application/x-ndjson", "{\"id\": \"A\"}\n");
            assertTrue(audit.statusCode() == 200 || audit.statusCode() == 503, audit.asString());
            if (audit.statusCode() == 503) {
                assertTrue(audit.asString().contains("audit.max-concurrent"), audit.asString());
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
        // Once the slow clients are gone, their audit slots come back.
        int status = 0;
        for (int attempt = 0; attempt < 1000 && status != 200; attempt++) {
            status = post("/api/v1/audits", "application/x-ndjson", "{\"id\": \"A\"}\n").statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status, "the audit slots are released when the clients leave");
    }

    @Test
    void aListOfAHundredThousandEntriesIsA400NamingThePathPastTheCap() {
        String body = "{\"id\":\"P\",\"activities\":[\"EXPORT\"],\"exports\":[" + "{},".repeat(99_999) + "{}]}";
        Response r = post("/api/v1/assessments", "application/json", body);
        assertEquals(400, r.statusCode());
        assertEquals("exports[100]", r.jsonPath().getString("errors[0].path"));
        assertTrue(r.jsonPath().getString("errors[0].message").contains("at most 100"));
    }

    @Test
    void aDateOutsideTheRulesSpanIsRefusedNamingTheSpan() throws Exception {
        String example = Files.readString(Path.of(EXAMPLE_PATH)).replace("\"2026-03-01\"", "\"0202-03-01\"");
        Response r = post("/api/v1/assessments", "application/json", example);
        assertEquals(400, r.statusCode(), r.asString());
        assertEquals("assessmentDate", r.jsonPath().getString("errors[0].path"));
        assertTrue(r.jsonPath().getString("errors[0].message").contains("the rules encode the law from"), r.asString());
        Response audit = post("/api/v1/audits?asOf=0000-01-01&compareAsOf=20250101", "application/x-ndjson", "{\"id\":\"A\"}\n");
        assertEquals(400, audit.statusCode());
        assertEquals(List.of("asOf", "compareAsOf"), audit.jsonPath().getList("errors.path"), "each date under its own name");
    }

    @Test
    void anAuditLargerThanAnyRequestBodyIsStreamed() throws Exception {
        // Over http.max-body-size (1 MiB), in few records, so the test costs little: each carries a long name.
        StringBuilder body = new StringBuilder();
        int n = 0;
        while (body.length() < 3 << 19) {
            body.append("{\"id\": \"P-").append(n++).append("\", \"name\": \"").append("m".repeat(20_000)).append("\"}\n");
        }
        Response r = post("/api/v1/audits?asOf=2026-03-01", "application/x-ndjson", body.toString());
        assertEquals(200, r.statusCode(), r.asString().length() > 500 ? r.asString().substring(0, 500) : r.asString());
        List<String> lines = r.asString().lines().toList();
        assertEquals(n + 1, lines.size(), "one line per record and the summary");
        JsonNode summary = Json.json().readTree(lines.get(n)).get("summary");
        assertEquals(n, summary.get("assessed").asInt());
    }

    @Test
    void theSameRegisterGivesTheSameLinesThroughHttpAndTheCommand() throws Exception {
        Path register = Path.of("data/lao-cai/theo-doi-phap-ly-mo-khai-thac-4-2026.csv");
        Path dir = Files.createTempDirectory("same-register");
        Path out = dir.resolve("out.ndjson");
        new Audit(Rules.assessor()).run(register, out, null, java.time.LocalDate.of(2026, 4, 28), null, null, null);
        String http = Users.regulator().contentType("text/csv").body(Files.readAllBytes(register))
                .when().post("/api/v1/audits?asOf=2026-04-28").then().statusCode(200).extract().asString();
        List<String> lines = http.lines().toList();
        assertEquals(Files.readAllLines(out), lines.subList(0, lines.size() - 1), "same bytes, same result");
        assertTrue(lines.get(lines.size() - 1).contains("\"complete\":true"));
    }
}
