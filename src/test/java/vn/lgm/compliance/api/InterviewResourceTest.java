package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The interview and the counterfactuals through the API, and their place in the OpenAPI document. */
@QuarkusTest
class InterviewResourceTest {

    @Test
    void theInterviewStartsWithWhatTheProjectDoesThenShowsOneTopicAScreen() {
        given().contentType(ContentType.JSON).body("{\"project\": {}}").post("/api/v1/interviews/next")
                .then().statusCode(200)
                .body("phase", equalTo("START"))
                .body("page.topic", equalTo("project"))
                .body("page.questions.field", equalTo(java.util.List.of("activities", "minerals[0].name", "stage", "licence.type")))
                .body("page.questions[0].type", equalTo("enumList"))
                .body("page.questions[0].allowed.value", hasItem("EXPORT"))
                // the licence type only where a licence is held or sought
                .body("page.questions[3].askedIf.field", equalTo("activities"))
                .body("page.questions[3].askedIf.anyOf", equalTo(java.util.List.of("EXPLORATION", "EXPLOITATION", "SALVAGE")));
        // a plant that only processes is asked no licence type
        given().contentType(ContentType.JSON).body("{\"project\": {\"assessmentDate\": \"2026-03-01\", \"activities\": [\"PROCESSING\"],"
                        + " \"minerals\": [{\"name\": \"RARE_EARTH\"}], \"stage\": \"OPERATING\"}}").post("/api/v1/interviews/next")
                .then().statusCode(200)
                .body("phase", equalTo("QUESTIONS"))
                .body("questions.field", not(hasItem("licence.type")));
        String quarry = "{\"project\": {\"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"CONSTRUCTION_STONE\"}], \"stage\": \"OPERATING\", \"licence\": {\"type\": \"EXPLOITATION\"}},"
                + " \"unknown\": [\"licence.expiresOn\"]}";
        given().contentType(ContentType.JSON).body(quarry).post("/api/v1/interviews/next?lang=vi")
                .then().statusCode(200)
                .body("phase", equalTo("QUESTIONS"))
                .body("verdict", equalTo("INCOMPLETE"))
                .body("questions.field", not(hasItem("licence.expiresOn")))
                .body("page.questions.size()", org.hamcrest.Matchers.lessThanOrEqualTo(8))
                .body("page.questions.topic", everyItem(equalTo(given().contentType(ContentType.JSON).body(quarry)
                        .post("/api/v1/interviews/next").path("page.topic").toString())))
                .body("page.title", notNullValue())
                .body("questions[0].label", notNullValue())
                .body("questions[0].provision", notNullValue())
                .body("questions[0].why", containsString("Điều"))
                .body("questions[0].unsure", notNullValue())
                .body("questions[0].decides", equalTo("VIOLATION"))
                .body("questions[0].settles.size()", org.hamcrest.Matchers.greaterThan(0))
                .body("questions.find { it.field == 'environment.environmentalPermit' }.type", equalTo("boolean"))
                .body("questions.find { it.field == 'environment.environmentalPermit' }.label", equalTo("Đã có giấy phép môi trường?"))
                // every question cites its provision in Vietnamese, written out (was "LEP Art 39" on 44 of 46 screens)
                .body("questions.find { it.field == 'environment.environmentalPermit' }.provision",
                        equalTo("Điều 39 Luật Bảo vệ môi trường số 72/2020/QH14 (đã sửa đổi)"))
                .body("questions.provision", org.hamcrest.Matchers.everyItem(not(org.hamcrest.Matchers.anyOf(
                        containsString("Art"), containsString("LGM"), containsString("D193")))))
                .body("remaining", org.hamcrest.Matchers.greaterThan(0))
                .body("likely", org.hamcrest.Matchers.greaterThan(0));
        // a step not yet due: "Not yet" is an answer, and it is asked under what the project must still do
        String application = "{\"project\": {\"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"RARE_EARTH\", \"radioactive\": true}], \"stage\": \"APPLICATION\", \"licence\": {\"type\": \"EXPLOITATION\"}}}";
        given().contentType(ContentType.JSON).body(application).post("/api/v1/interviews/next")
                .then().statusCode(200)
                .body("questions.find { it.field == 'environment.rehabilitationDepositPaid' }.notYet", equalTo(true))
                .body("questions.find { it.field == 'environment.rehabilitationDepositPaid' }.topic", equalTo("steps"))
                .body("questions.find { it.field == 'environment.rehabilitationDepositPaid' }.allowed.label", equalTo(java.util.List.of("Done", "Not yet")));
        given().contentType(ContentType.JSON).body("{\"project\": {\"stage\": \"SOON\"}}").post("/api/v1/interviews/next")
                .then().statusCode(400).body("errors.path", hasItem("project.stage"));
    }

    @Test
    void counterfactualsAndVietnameseAreAddedOnRequestWithoutChangingTheContractFields() throws Exception {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        int plain = given().contentType(ContentType.JSON).body(example).post("/api/v1/assessments")
                .then().statusCode(200).extract().path("findings.size()");
        given().contentType(ContentType.JSON).body(example).post("/api/v1/assessments?counterfactuals=true")
                .then().statusCode(200)
                .body("verdict", equalTo("NON_COMPLIANT"))
                .body("findings.size()", equalTo(plain))
                .body("counterfactuals.findings.find { it.ruleId == 'EXP-001' }.changes[0].path", equalTo("exports[0].product"))
                .body("counterfactuals.project.changes.path", hasItem("exports[0].onPmExportList"))
                .body("counterfactuals.project.changes.path", everyItem(not(containsString("minerals"))))
                .body("counterfactuals.project.verdictAfter", not(equalTo("NON_COMPLIANT")));
        given().contentType(ContentType.JSON).body(example).post("/api/v1/assessments")
                .then().statusCode(200).body("containsKey('counterfactuals')", equalTo(false));
        given().contentType(ContentType.JSON).header("Accept-Language", "vi-VN,vi;q=0.9").body(example).post("/api/v1/assessments")
                .then().statusCode(200)
                .body("findings.find { it.ruleId == 'EXP-001' }.title", equalTo("Không xuất khẩu thô khoáng sản đất hiếm"))
                .body("findings.find { it.ruleId == 'EXP-001' }.citation.label", containsString("khoản 3 Điều 85a"))
                .body("findings.find { it.ruleId == 'EXP-001' }.remediation", containsString("Không xuất khẩu tinh quặng"));
    }

    @Test
    void theOpenApiDocumentHasTheInterviewAndTheCounterfactualsWithExamples() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/interviews/next'.post.requestBody.content.'application/json'.examples", notNullValue())
                .body("paths.'/api/v1/assessments'.post.parameters.name", hasItem("counterfactuals"))
                .body("paths.'/api/v1/assessments'.post.responses.'200'.content.'application/json'.examples", notNullValue())
                .body("components.schemas.Counterfactuals", notNullValue())
                .body("components.schemas.InterviewStep", notNullValue())
                .body("components.schemas.InterviewPage", notNullValue());
    }
}
