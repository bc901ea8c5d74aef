package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.lawyer.CoverageService;

/**
 * The coverage is computed in the background from start-up; the test waits for that run itself (no clock), then
 * asks the endpoints, which never wait.
 */
@QuarkusTest
class CoverageResourceTest {

    @Inject
    CoverageService coverage;

    @BeforeEach
    void coverageComputed() throws Exception {
        coverage.awaitReport();
    }

    @Test
    void coverageJsonStartsWithTheSummary() {
        given().when().get("/api/v1/coverage").then().statusCode(200)
                .body("summary.provisions", greaterThan(100))
                .body("summary.rules", greaterThan(10))
                .body("summary.mutationScore", notNullValue())
                .body("summary.unpinnedRules", notNullValue())
                .body("provisions.id", hasItem("A1"))
                .body("provisions.find { it.id == 'A1' }.rules[0].ruleId", containsString("EXP-001"))
                .body("rules.find { it.id == 'EXP-001' }.firedIn", notNullValue());
    }

    @Test
    void coveragePageShowsTheProvisions() {
        given().when().get("/coverage").then().statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("Provisions, in the law's order"))
                .body(containsString("<b>A1</b>"));
    }

    @Test
    void reloadIsAuthenticatedAndSwapsInRulesThatPassEveryCase() {
        given().when().post("/api/v1/rules/reload").then().statusCode(401);
        given().auth().preemptive().basic(Users.LAWYER, "wrong").when().post("/api/v1/rules/reload").then().statusCode(401);
        Users.regulator().when().post("/api/v1/rules/reload").then().statusCode(403);
        String version = given().when().get("/api/v1/rules").then().statusCode(200).extract().path("rulesVersion");
        Users.lawyer().when().post("/api/v1/rules/reload").then()
                .statusCode(200).body("swapped", equalTo(true)).body("rulesVersion", equalTo(version));
        given().when().get("/api/v1/rules?version=" + version).then().statusCode(200).body("rulesVersion", equalTo(version));
        given().when().get("/api/v1/rules?version=0000").then().statusCode(404);
        given().when().get("/api/v1/rules/reload").then().statusCode(200)
                .body("reloadEnabled", equalTo(true)).body("watchEnabled", equalTo(false))
                .body("rulesVersion", equalTo(version)).body("last.result.swapped", equalTo(true))
                .body("last.trigger", equalTo("POST /api/v1/rules/reload"));
        given().when().get("/coverage").then().statusCode(200).body(containsString("id=\"last-reload\""));
    }
}
