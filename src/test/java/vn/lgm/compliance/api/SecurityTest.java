package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import vn.lgm.compliance.regulator.history.HistoryService;

/**
 * Only those who should see the registers see them (issue 20, item 18): every regulators' endpoint refuses a caller
 * without a login (401), with a wrong password (401) or without the role {@code regulator} (403); the rules reload
 * needs {@code lawyer}; the investor's endpoints, the catalogue and coverage stay open. Bearer tokens are checked
 * against a real OIDC provider on this machine (Quarkus' OIDC Dev Services, started with the tests): a token of a
 * regulator opens the registers, one without the role does not, a token whose claims were altered is refused. And no
 * answer shows a path of the server's files.
 */
@QuarkusTest
class SecurityTest {

    @Inject
    HistoryService history;

    /** Every regulators' endpoint: method and path (ids need not exist: access is checked before anything is looked up). */
    static final List<String[]> REGULATORS = List.of(
            new String[] {"POST", "/api/v1/audits"},
            new String[] {"GET", "/api/v1/audits"},
            new String[] {"GET", "/api/v1/audits/1"},
            new String[] {"GET", "/api/v1/audits/1/changes"},
            new String[] {"GET", "/api/v1/audits/1/report"},
            new String[] {"POST", "/api/v1/audits/1/reform"},
            new String[] {"GET", "/api/v1/licences/2373/GP-UBND/history"});

    private static Response call(RequestSpecification spec, String[] endpoint) {
        if (!endpoint[0].equals("POST")) {
            return spec.get(endpoint[1]);
        }
        return spec.contentType(endpoint[1].endsWith("reform") ? "application/yaml" : "application/x-ndjson")
                .body("{\"id\": \"A\"}\n".getBytes(StandardCharsets.UTF_8)).post(endpoint[1]);
    }

    @Test
    void regulatorsEndpointsNeedTheRoleRegulator() {
        for (String[] e : REGULATORS) {
            String what = e[0] + " " + e[1];
            assertEquals(401, call(given(), e).statusCode(), what + " without a login");
            assertEquals(401, call(given().auth().preemptive().basic(Users.REGULATOR, "not-her-password"), e).statusCode(),
                    what + " with a wrong password");
            assertEquals(403, call(Users.investor(), e).statusCode(), what + " by a user without the role");
            assertEquals(403, call(Users.lawyer(), e).statusCode(), what + " by a lawyer");
            int status = call(Users.regulator(), e).statusCode();
            assertTrue(status != 401 && status != 403, what + " by the regulator: " + status);
        }
    }

    @Test
    void theReloadNeedsALawyerAndTheRestIsPublic() throws Exception {
        given().post("/api/v1/rules/reload").then().statusCode(401);
        Users.regulator().post("/api/v1/rules/reload").then().statusCode(403);
        Users.investor().post("/api/v1/rules/reload").then().statusCode(403);
        for (String path : List.of("/", "/?lang=vi", "/api/v1/rules", "/api/v1/parameters", "/api/v1/rules/reload", "/ui/cases",
                "/q/openapi", "/q/health/ready")) {
            given().get(path).then().statusCode(200);
        }
        int coverage = given().get("/api/v1/coverage").statusCode();
        assertTrue(coverage == 200 || coverage == 503, "coverage is public: " + coverage);
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        given().contentType("application/json").body(example).post("/api/v1/assessments").then().statusCode(200);
        given().contentType("application/json").body(example).post("/ui/report").then().statusCode(200);
        given().contentType("application/json").body("{\"project\": {}, \"unknown\": []}").post("/api/v1/interviews/next")
                .then().statusCode(200);
    }

    /** A token from the local OIDC provider for one of its users (password grant; the provider gives each its roles). */
    static String token(String user) {
        String server = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
        return given().formParam("grant_type", "password").formParam("client_id", "quarkus-app")
                .formParam("username", user).formParam("password", user)
                .post(server + "/token").then().statusCode(200).extract().path("access_token");
    }

    @Test
    void bearerTokensOfTheOidcProviderCarryTheirRoles() {
        String regulator = token("oidc-regulator");
        given().auth().oauth2(regulator).get("/api/v1/audits").then().statusCode(200);
        given().auth().oauth2(regulator).get("/api/v1/licences/NO-SUCH/history").then().statusCode(404);
        String investor = token("oidc-investor");
        given().auth().oauth2(investor).get("/api/v1/audits").then().statusCode(403);
        // The investor's token with its roles rewritten to regulator: the signature no longer matches.
        String[] parts = investor.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"investor\""), claims);
        String forged = parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.replace("\"investor\"", "\"regulator\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        given().auth().oauth2(forged).get("/api/v1/audits").then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/v1/audits").then().statusCode(401);
    }

    @Test
    void noAnswerShowsAServerPath() {
        String secret = "/srv/registers/confidential/lao-cai-4-2026.csv";
        long id = history.store().startRun("lao-cai-4-2026.csv", secret, "v", null, null, Instant.now());
        String one = Users.regulator().get("/api/v1/audits/" + id).then().statusCode(200).extract().asString();
        String all = Users.regulator().get("/api/v1/audits").then().statusCode(200).extract().asString();
        for (String body : List.of(one, all)) {
            assertFalse(body.contains("/srv/registers"), body);
            assertFalse(body.contains("inputPath"), body);
        }
        assertTrue(one.contains("lao-cai-4-2026.csv"), "the run is shown by its register's name: " + one);
        String here = Path.of("").toAbsolutePath().toString();
        assertNotEquals("", here);
        for (String path : List.of("/api/v1/audits", "/api/v1/rules/reload")) {
            String body = Users.regulator().get(path).then().extract().asString();
            assertFalse(body.contains(here), path + " shows the working directory: " + body);
        }
        String doc = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        assertFalse(doc.contains("inputPath"), "the document does not promise the path either");
    }
}
