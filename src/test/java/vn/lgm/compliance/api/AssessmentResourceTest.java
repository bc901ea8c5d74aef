package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The contract's example project, end to end through the REST API. */
@QuarkusTest
class AssessmentResourceTest {

    static String example() throws IOException {
        return Files.readString(Path.of("examples/rare-earth-proposal.json"));
    }

    @Test
    void contractExampleIsNonCompliantWithExplainedExportViolations() throws IOException {
        given().contentType(ContentType.JSON).body(example())
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .body("projectId", equalTo("P-001"))
                .body("verdict", equalTo("NON_COMPLIANT"))
                .body("lawAsOf", equalTo("2026-03-01"))
                .body("rulesVersion.length()", equalTo(64))
                .body("derived.mineralGroups", hasItem("I"))
                .body("derived.specialStrategic", equalTo(true))
                .body("derived.licensingAuthority", equalTo("MINISTER"))
                // one export, one act: one finding, the raw-export ban first, naming the other provisions it breaks
                .body("findings.findAll { it.area == 'EXPORT' && it.outcome == 'VIOLATION' }.citation.article",
                        equalTo(java.util.List.of("85a")))
                .body("findings.find { it.ruleId == 'EXP-001' }.otherRules.citation.article", hasItems("110a", "108", "99", "4"))
                .body("findings.find { it.ruleId == 'EXP-001' }.entries", equalTo(java.util.List.of("exports[0]")))
                .body("findings.find { it.ruleId == 'EXP-001' }.citation.label", containsString("Art. 85a(3)"))
                .body("findings.find { it.ruleId == 'EXP-001' }.facts.path", hasItem("exports[0].product"))
                .body("findings.find { it.ruleId == 'EXP-001' }.facts.value", hasItem("CONCENTRATE"))
                .body("findings.find { it.ruleId == 'EXP-001' }.otherRules.find { it.ruleId == 'EXP-002' }.citation.point", equalTo("c"))
                .body("findings.explanation", everyItem(notNullValue()))
                .body("findings.remediation", everyItem(notNullValue()))
                .body("findings.facts", everyItem(not(empty())));
    }

    @Test
    void beforeLaw147TheRawExportBanDoesNotApply() throws IOException {
        given().contentType(ContentType.JSON).body(example().replace("2026-03-01", "2025-09-01"))
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .body("lawAsOf", equalTo("2025-09-01"))
                .body("findings.findAll { it.citation.instrument == 'LGM' && it.citation.article == '85a' }", empty())
                .body("findings.ruleId", not(hasItem("EXP-001")))
                .body("derived.specialStrategic", equalTo(false));
    }

    @Test
    void malformedBodyGets400NamingEachPath() {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"X\",\"stage\":\"SOON\",\"minerals\":[{\"name\":\"RARE-EARTH\"}],\"sitee\":{}}")
                .when().post("/api/v1/assessments")
                .then().statusCode(400)
                .body("errors.path", hasItems("stage", "minerals[0].name", "sitee"))
                .body("errors.find { it.path == 'minerals[0].name' }.message", containsString("RARE_EARTH"));
    }

    @Test
    void notJsonGets400() {
        given().contentType(ContentType.JSON).body("{ not json")
                .when().post("/api/v1/assessments")
                .then().statusCode(400).body("errors[0].path", equalTo("$"));
    }

    @Test
    void yamlBodyIsAccepted() {
        given().contentType("application/yaml").body(("id: Y-1\nassessmentDate: 2026-03-01\nstage: PROPOSAL\nactivities: [EXPORT]\n"
                        + "minerals: [{name: RARE_EARTH}]\nexports: [{mineral: RARE_EARTH, product: ORE}]\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .body("verdict", equalTo("NON_COMPLIANT"))
                .body("findings.ruleId", hasItem("EXP-001"));
    }

    @Test
    void ruleCatalogueListsEveryRuleWithItsMetadata() {
        given().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("rulesVersion.length()", equalTo(64))
                .body("count", greaterThan(6))
                .body("rules.find { it.id == 'EXP-001' }.citation.label", containsString("85a(3)"))
                .body("rules.find { it.id == 'EXP-001' }.inForce.from", equalTo("2026-01-01"))
                .body("rules.find { it.id == 'EXP-001' }.area", equalTo("EXPORT"))
                .body("rules.find { it.id == 'EXP-001' }.outcome", equalTo("VIOLATION"));
    }

    @Test
    void openApiHealthAndParametersAreServed() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/assessments'.post", notNullValue());
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/api/v1/parameters").then().statusCode(200)
                .body("'rareEarth.treoMinimumPercent'.values[0].value", equalTo(90));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void everyFindingOfTheExampleHasAllContractFields() throws IOException {
        given().contentType(ContentType.JSON).body(example())
                .when().post("/api/v1/assessments")
                .then().statusCode(200)
                .body("findings", hasSize(greaterThan(1)))
                .body("findings.ruleId", everyItem(notNullValue()))
                .body("findings.title", everyItem(notNullValue()))
                .body("findings.inForce.from", everyItem(notNullValue()))
                .body("findings.missingFacts", everyItem(notNullValue()));
    }
}
