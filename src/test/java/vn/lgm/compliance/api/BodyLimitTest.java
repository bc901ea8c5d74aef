package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.http.HttpMethod;

/**
 * Every endpoint has its own body limit, found from the normalised path (issue 20, item 9): a 30 MB body sent to the
 * assessments endpoint through {@code /api/v1/audits/../assessments} (or its percent-encoded and dot-slash forms) is a
 * 413 before any of it is read, and {@code POST /api/v1/audits/{id}/reform} takes no more than a patch of parameters.
 * The requests are written on a socket, so no client library tidies their paths first.
 */
@QuarkusTest
class BodyLimitTest {

    static final long THIRTY_MB = 30L << 20;

    @Test
    void theEndpointIsFoundFromTheNormalisedPath() {
        assertEquals(BodyLimit.Endpoint.AUDIT_UPLOAD, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/audits"));
        assertEquals(BodyLimit.Endpoint.AUDIT_UPLOAD, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/audits/"));
        assertEquals(BodyLimit.Endpoint.REFORM, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/audits/1/reform"));
        assertEquals(BodyLimit.Endpoint.DESCRIPTION, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/assessments"));
        assertEquals(BodyLimit.Endpoint.DESCRIPTION, BodyLimit.endpoint(HttpMethod.POST, "/ui/report"));
        assertEquals(BodyLimit.Endpoint.NO_BODY, BodyLimit.endpoint(HttpMethod.GET, "/api/v1/audits"));
        assertEquals(BodyLimit.Endpoint.NO_BODY, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/audits/1"));
        assertEquals(BodyLimit.Endpoint.NO_BODY, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/audits;x=1"));
        assertEquals(BodyLimit.Endpoint.NO_BODY, BodyLimit.endpoint(HttpMethod.POST, "/api/v1/rules/reload"));
    }

    @Test
    void aHugeBodyThroughAPathTrickIsRefusedBeforeItIsRead() throws Exception {
        for (String path : List.of("/api/v1/audits/../assessments", "/api/v1/audits/%2e%2e/assessments",
                "/api/v1/audits/./../assessments", "/api/v1/audits/x/../../assessments")) {
            try (RawHttp http = new RawHttp()) {
                http.send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + THIRTY_MB + "\r\n\r\n{\"id\": \"");
                String response = http.response();
                assertEquals(413, RawHttp.status(response), path + ": " + response);
                assertTrue(response.contains("over the limit of 1048576 bytes for POST /api/v1/assessments (http.max-body-size)"),
                        path + ": " + response);
            }
        }
        // chunked, whose size cannot be checked first, through the same trick
        try (RawHttp http = new RawHttp()) {
            http.send("POST /api/v1/audits/../assessments HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"id\"\r\n");
            assertEquals(411, RawHttp.status(http.response()));
        }
    }

    @Test
    void aReformTakesAPatchNotARegister() throws Exception {
        // announced: 200 MB, refused before it is read (and before the login is even looked at)
        try (RawHttp http = new RawHttp()) {
            http.send("POST /api/v1/audits/1/reform HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\n"
                    + Users.regulatorHeader() + "Content-Length: " + (200L << 20) + "\r\n\r\nrareEarth:");
            String response = http.response();
            assertEquals(413, RawHttp.status(response), response);
            assertTrue(response.contains("(http.max-body-size.reform)"), response);
        }
        // sent: 100 KB of comments, over the 64 KiB a patch may hold
        byte[] patch = ("rareEarth.treoMinimumPercent: 85\n" + "# a comment line to pad the patch\n".repeat(3_000))
                .getBytes(StandardCharsets.UTF_8);
        Response r = Users.regulator().contentType("application/yaml").body(patch).post("/api/v1/audits/1/reform");
        assertEquals(413, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getString("errors[0].message").contains("65536 bytes"), r.asString());
    }

    @Test
    void anEndpointThatTakesNoBodyRefusesOne() {
        Response r = given().contentType("application/json").body("{\"id\": \"P\"}".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/rules/reload");
        assertEquals(413, r.statusCode(), r.asString());
        assertTrue(r.jsonPath().getString("errors[0].message").contains("takes no body"), r.asString());
    }
}
