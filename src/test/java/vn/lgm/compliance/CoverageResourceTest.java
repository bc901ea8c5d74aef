package vn.lgm.compliance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CoverageResourceTest {

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
}
