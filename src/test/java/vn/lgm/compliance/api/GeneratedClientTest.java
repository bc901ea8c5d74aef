package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.lgm.client.ApiClient;
import vn.lgm.client.api.AssessmentsApi;
import vn.lgm.client.api.AuditHistoryApi;
import vn.lgm.client.api.InterviewApi;
import vn.lgm.client.model.AssessmentWithCounterfactuals;
import vn.lgm.client.model.AuditChanges;
import vn.lgm.client.model.InterviewRequest;
import vn.lgm.client.model.InterviewStep;
import vn.lgm.client.model.Project;
import vn.lgm.compliance.JsonExcerpt;
import vn.lgm.compliance.contract.input.Json;

/**
 * A client generated from the OpenAPI document (openapi-generator's Java client, generated in the build from
 * docs/openapi.json, which OpenApiDocumentTest holds equal to the served document) works against the service: it
 * assesses the README's example with counterfactuals, runs an interview step and reads an audit's changes, and what it
 * reads is the whole answer — written back out, each is the JSON the service sent (no field lost, none mistyped).
 */
@QuarkusTest
class GeneratedClientTest {

    @TestHTTPResource("/")
    URL base;

    private ApiClient client() {
        ApiClient c = new ApiClient();
        c.updateBaseUri(base.toString().replaceAll("/$", ""));
        // the audit history is the regulators': the client logs in as one (HTTP Basic)
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (Users.REGULATOR + ":" + Users.REGULATOR_PASSWORD).getBytes(StandardCharsets.UTF_8));
        c.setRequestInterceptor(request -> request.header("Authorization", basic));
        return c;
    }

    @Test
    void assessesTheReadmeExampleWithItsCounterfactuals() throws Exception {
        ApiClient c = client();
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        Project project = c.getObjectMapper().readValue(example, Project.class);
        AssessmentWithCounterfactuals a = new AssessmentsApi(c).assessProject(project, true, null, null);
        assertEquals("NON_COMPLIANT", a.getVerdict().getValue());
        assertEquals("EXP-001", a.getFindings().get(0).getRuleId());
        assertNotNull(a.getCounterfactuals(), "counterfactuals typed and read");
        assertEquals("exports[0].product", a.getCounterfactuals().getFindings().get(0).getChanges().get(0).getPath());
        assertFalse(a.getCounterfactuals().getProject().getChanges().isEmpty());
        String raw = post("/api/v1/assessments?counterfactuals=true", example);
        sameAnswer(c.getObjectMapper(), raw, a);
    }

    @Test
    void runsAnInterviewStep() throws Exception {
        ApiClient c = client();
        String request = """
                {"project": {"assessmentDate": "2026-03-01", "activities": ["EXPLOITATION"],
                             "minerals": [{"name": "CONSTRUCTION_STONE"}], "stage": "OPERATING",
                             "licence": {"type": "EXPLOITATION"}},
                 "unknown": []}""";
        InterviewRequest typed = c.getObjectMapper().readValue(request, InterviewRequest.class);
        InterviewStep step = new InterviewApi(c).next(typed, null, null);
        assertEquals("QUESTIONS", step.getPhase());
        assertFalse(step.getQuestions().isEmpty());
        assertNotNull(step.getQuestions().get(0).getField());
        sameAnswer(c.getObjectMapper(), post("/api/v1/interviews/next", request), step);
    }

    @Test
    void readsAnAuditsChanges() throws Exception {
        ApiClient c = client();
        ObjectNode quarry = (ObjectNode) Json.json().readTree(Files.readString(Path.of("examples/stone-quarry-operating.json")));
        String first = quarry.toString();
        // The next edition of the register: the licence now expires before the audit, and the quarry is still mining.
        ((ObjectNode) quarry.get("licence")).put("expiresOn", "2026-02-15");
        String second = quarry.toString();
        long before = audit(first);
        long after = audit(second);

        AuditChanges changes = new AuditHistoryApi(c).auditChanges(after, null, null);
        assertEquals(before, changes.getSinceRunId());
        assertEquals(List.of("07/GP-UBND"), changes.getNewlyNonCompliant().stream().map(l -> l.getLicence()).toList());
        assertEquals("COMPLIANT", changes.getNewlyNonCompliant().get(0).getVerdictBefore());
        assertEquals("OPS-001 VIOLATION", changes.getNewlyNonCompliant().get(0).getAdded().stream()
                .map(f -> f.getRuleId() + " " + f.getOutcome()).findFirst().orElse(null), "mining on an expired licence");
        String raw = Users.regulator().get("/api/v1/audits/" + after + "/changes").then().statusCode(200).extract().asString();
        sameAnswer(c.getObjectMapper(), raw, changes);
    }

    private static long audit(String line) {
        Response r = Users.regulator().contentType("application/x-ndjson").body((line + "\n").getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/audits?asOf=2026-03-01&register=generated-client-test");
        assertEquals(200, r.statusCode(), r.asString());
        r.asString();   // read to the end: the run is stored
        return Long.parseLong(r.header("X-Audit-Run"));
    }

    private static String post(String path, String body) {
        return given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8)).post(path)
                .then().statusCode(200).extract().asString();
    }

    /** What the client read, written back out, is the answer the service sent (nulls aside: the client leaves them out). */
    private static void sameAnswer(ObjectMapper mapper, String raw, Object read) throws Exception {
        JsonNode sent = withoutNulls(Json.json().readTree(raw));
        JsonNode typed = withoutNulls(mapper.valueToTree(read));
        assertEquals(List.of(), JsonExcerpt.differences(sent, typed), "fields the client lost or read otherwise");
        assertEquals(List.of(), JsonExcerpt.differences(typed, sent), "fields the client has that the service did not send");
    }

    private static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode o = (ObjectNode) node;
            List<String> nulls = new java.util.ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            o.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(GeneratedClientTest::withoutNulls);
        }
        return node;
    }
}
