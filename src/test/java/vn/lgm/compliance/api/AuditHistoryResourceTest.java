package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The audit history over HTTP: every posted audit is stored (its id in {@code X-Audit-Run}); the changes since the
 * previous run of the register, the report as HTML, JSON and Excel by {@code Accept}, one licence's history, and a
 * draft reform on a stored run.
 */
@QuarkusTest
class AuditHistoryResourceTest {

    static final String REGISTER = "ds-gp-tham-do-yen-bai-6-2025.csv";

    long post(byte[] csv) {
        Response r = Users.regulator().contentType("text/csv").body(csv)
                .post("/api/v1/audits?asOf=2026-04-28&register=" + REGISTER);
        r.then().statusCode(200).header("Link", containsString("/report"));
        // Reading the body to its end completes the stored run.
        // One line per record, then the stream's summary line.
        assertEquals(43, r.asString().lines().filter(l -> !l.startsWith("{\"summary\"")).count());
        return Long.parseLong(r.header("X-Audit-Run"));
    }

    @Test
    void aPostedRegisterIsStoredComparedReportedAndTraced() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("data/lao-cai").resolve(REGISTER));
        long first = post(csv);
        long second = post(csv);
        assertTrue(second > first);

        Users.regulator().get("/api/v1/audits/" + second).then().statusCode(200)
                .body("records", equalTo(43)).body("complete", equalTo(true)).body("register", equalTo(REGISTER));
        Users.regulator().get("/api/v1/audits/" + second + "/changes").then().statusCode(200)
                .body("sinceRunId", equalTo((int) first)).body("newlyNonCompliant", hasSize(0))
                .body("resolved", hasSize(0)).body("changed", hasSize(0));
        Users.regulator().get("/api/v1/audits/" + second + "/changes?since=999999").then().statusCode(404);

        Users.regulator().accept("text/html").get("/api/v1/audits/" + second + "/report").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("Kết quả rà soát sổ giấy phép khoáng sản"))
                .body(containsString("Thay đổi so với lần rà soát trước"));
        Users.regulator().accept("text/html").get("/api/v1/audits/" + second + "/report?lang=en&horizon=180").then().statusCode(200)
                .body(containsString("Audit of a licence register")).body(containsString("Coming due"));
        Users.regulator().accept("application/json").get("/api/v1/audits/" + second + "/report").then().statusCode(200)
                .body("lang", equalTo("vi")).body("run.records", equalTo(43));
        byte[] xlsx = Users.regulator().accept(AuditHistoryResource.XLSX).get("/api/v1/audits/" + second + "/report")
                .then().statusCode(200).contentType(containsString("spreadsheetml")).extract().asByteArray();
        assertEquals('P', xlsx[0]);
        assertEquals('K', xlsx[1]);

        // Row 1 of the register; the licence number's slash is part of the path.
        String licence = "2373/GP-UBND";
        Users.regulator().get("/api/v1/licences/" + licence + "/history").then().statusCode(200)
                .body("runId", org.hamcrest.Matchers.hasItems((int) first, (int) second));
        Users.regulator().get("/api/v1/licences/NO-SUCH-LICENCE/history").then().statusCode(404);

        Users.regulator().contentType("application/yaml").body("rareEarth.treoMinimumPercent: 85\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/audits/" + second + "/reform").then().statusCode(200)
                .body("records", equalTo(43)).body("changed", hasSize(0));
        Users.regulator().contentType("application/yaml").body("no.such.parameter: 1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/audits/" + second + "/reform").then().statusCode(400)
                .body("errors[0].message", containsString("unknown parameter 'no.such.parameter'"));
    }
}
