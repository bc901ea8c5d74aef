package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.JsonExcerpt;
import vn.lgm.compliance.Readme;
import vn.lgm.compliance.contract.input.Json;

/**
 * What README shows of the API is what the served API answers: the assessment of the contract's example, the malformed
 * body's 400, the interview step and the counterfactuals are each an excerpt of the real answer to the request README
 * gives (ReadmeTest writes them from the engine; this checks that the service gives the same).
 */
@QuarkusTest
class ReadmeOutputsApiTest {

    static final Readme README = Readme.read();

    @Test
    void theAssessmentAndTheMalformedBodyAreTheApisAnswers() throws Exception {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        excerpt(README.block("assessment"), post("/api/v1/assessments", example, 200));
        ObjectNode bad = (ObjectNode) Json.json().readTree(example);
        bad.put("stage", "SOON");
        Matcher refused = Pattern.compile("(?m)^    (\\{\"errors\":\\[.*)$").matcher(README.text());
        assertTrue(refused.find(), "README shows a 400");
        excerpt(refused.group(1), post("/api/v1/assessments", bad.toString(), 400));
    }

    @Test
    void theInterviewStepIsTheApisAnswer() throws Exception {
        String curl = "interviews/next -H 'Content-Type: application/json' -d '";
        int at = README.text().indexOf(curl) + curl.length();
        String request = README.text().substring(at, README.text().indexOf('\'', at));
        excerpt(README.block("interview-step"), post("/api/v1/interviews/next", request, 200));
    }

    @Test
    void theCounterfactualsAreTheApisAnswer() throws Exception {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        excerpt("{" + README.block("counterfactuals") + "}", post("/api/v1/assessments?counterfactuals=true", example, 200));
    }

    private static String post(String path, String body, int status) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(path)
                .then().statusCode(status).extract().asString();
    }

    private static void excerpt(String shown, String answer) throws Exception {
        JsonNode readme = Json.json().readTree(shown);
        assertEquals(List.of(), JsonExcerpt.differences(readme, Json.json().readTree(answer)), "README against the API's answer");
    }
}
