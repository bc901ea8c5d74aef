package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.contract.input.Json;

/**
 * The OpenAPI document is true: real responses of every endpoint — the examples, every case, the error responses,
 * the audit's NDJSON lines — validate against the schema the served /q/openapi document gives for that operation,
 * status and media type (networknt json-schema-validator, JSON Schema 2020-12 as OpenAPI 3.1 uses). A response
 * whose status the document does not list fails.
 */
@QuarkusTest
class OpenApiValidationTest {

    static JsonNode doc;
    static final Map<String, Schema> SCHEMAS = new HashMap<>();

    @org.junit.jupiter.api.BeforeEach
    void load() throws Exception {
        if (doc != null) {
            return;
        }
        String text = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
        doc = Json.json().readTree(text);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), Json.json().writerWithDefaultPrettyPrinter().writeValueAsString(doc));
    }

    /** The schema of a response as the document gives it; fails when the status or media type is not documented. */
    static Schema responseSchema(String method, String path, int status, String media) {
        JsonNode op = doc.path("paths").path(path).path(method);
        assertFalse(op.isMissingNode(), method + " " + path + " is not in the document");
        JsonNode schema = op.path("responses").path(String.valueOf(status)).path("content").path(media).path("schema");
        assertFalse(schema.isMissingNode(), method + " " + path + ": response " + status + " " + media + " is not documented");
        return compile(method + path + status + media, schema);
    }

    static Schema componentSchema(String name) {
        assertTrue(doc.path("components").path("schemas").has(name), "schema " + name);
        return compile("component:" + name, Json.json().createObjectNode().put("$ref", "#/components/schemas/" + name));
    }

    private static Schema compile(String key, JsonNode schema) {
        return SCHEMAS.computeIfAbsent(key, k -> {
            ObjectNode root = doc.deepCopy();
            root.remove("paths");
            root.setAll((ObjectNode) schema.deepCopy());
            root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(SchemaLocation.of("https://lgm.example/openapi.json"), root);
        });
    }

    static void valid(Schema schema, String body, String what) throws Exception {
        JsonNode node = Json.json().readTree(body);
        var errors = schema.validate(node);
        assertTrue(errors.isEmpty(), what + ": " + errors.subList(0, Math.min(8, errors.size())) + "\n" + (body.length() > 600 ? body.substring(0, 600) : body));
    }

    /** The response's status and media type are documented, and a JSON body validates against the documented schema. */
    static void check(String method, String path, Response r, String what) throws Exception {
        String media = r.contentType().split(";")[0].strip();
        if (media.isEmpty() && r.asString().isEmpty()) {
            assertTrue(doc.path("paths").path(path).path(method).path("responses").has(String.valueOf(r.statusCode())),
                    method + " " + path + ": response " + r.statusCode() + " (no body) is not documented");
            return;
        }
        Schema schema = responseSchema(method, path, r.statusCode(), media);
        if (media.contains("json")) {
            valid(schema, r.asString(), what + " (" + r.statusCode() + ")");
        }
    }

    static Response post(String path, String contentType, String body) {
        return (path.startsWith("/api/v1/audits") ? Users.regulator() : given()).contentType(contentType)
                .body(body.getBytes(StandardCharsets.UTF_8)).when().post(path);
    }

    @Test
    void everyCaseAndExampleResponseValidates() throws Exception {
        List<TestCase> cases = new CaseLoader().loadAll(Path.of("cases"));
        int checked = 0;
        for (TestCase c : cases) {
            if (c.project() == null) {
                continue;
            }
            String body = Json.json().writeValueAsString(c.project());
            check("post", "/api/v1/assessments", post("/api/v1/assessments", "application/json", body), "case " + c.id());
            checked++;
        }
        assertTrue(checked > 400, "cases checked: " + checked);
        for (Path example : Files.list(Path.of("examples")).filter(p -> p.toString().endsWith(".json")).toList()) {
            Response r = post("/api/v1/assessments", "application/json", Files.readString(example));
            assertEquals(200, r.statusCode(), example + ": " + r.asString());
            check("post", "/api/v1/assessments", r, example.toString());
        }
    }

    @Test
    void theDocumentsOwnRequestExamplesAreAccepted() throws Exception {
        JsonNode content = doc.at("/paths/~1api~1v1~1assessments/post/requestBody/content/application~1json");
        List<JsonNode> examples = new ArrayList<>();
        content.path("examples").forEach(e -> examples.add(e.path("value")));
        if (content.has("example")) {
            examples.add(content.get("example"));
        }
        assertFalse(examples.isEmpty(), "the request has an example");
        for (JsonNode e : examples) {
            String body = e.isTextual() ? e.asText() : e.toString();
            Response r = post("/api/v1/assessments", "application/json", body);
            assertEquals(200, r.statusCode(), r.asString());
            check("post", "/api/v1/assessments", r, "the document's example");
        }
        assertEquals(Json.json().readTree(Files.readString(Path.of("examples/rare-earth-proposal.json"))),
                Json.json().readTree(ApiExamples.RARE_EARTH_PROPOSAL), "the example is the contract's example file");
        // Every example the investor page offers is accepted by the API as it stands.
        JsonNode offered = Json.json().readTree(given().when().get("/ui/cases").then().statusCode(200).extract().asString());
        for (JsonNode e : offered) {
            Response r = post("/api/v1/assessments", "application/json", e.path("project").toString());
            assertEquals(200, r.statusCode(), e.path("id") + ": " + r.asString());
        }
    }

    @Test
    void theSchemaHasNoFieldTheApiRejectsAndSaysWhatIsRequired() {
        JsonNode schemas = doc.path("components").path("schemas");
        assertFalse(schemas.path("Proponent").path("properties").has("foreign"));
        assertFalse(schemas.path("Partner").path("properties").has("foreign"));
        for (String name : List.of("Assessment", "Finding", "Citation", "InForce", "FactValue", "Derived", "InputErrors", "InputError")) {
            assertTrue(schemas.path(name).path("required").size() > 0, name + " lists its required fields");
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        doc.path("paths").forEach(p -> p.forEach(op -> {
            assertTrue(op.hasNonNull("operationId"), "operationId: " + op);
            assertTrue(ids.add(op.get("operationId").asText()), "operationId unique: " + op.get("operationId"));
            op.path("tags").forEach(t -> assertFalse(t.asText().endsWith("Resource"), "domain tag, not a class name: " + t));
        }));
    }

    @Test
    void errorResponsesValidate() throws Exception {
        check("post", "/api/v1/assessments", post("/api/v1/assessments", "application/json", "{\"id\": \"P\", \"stage\": 3}"), "400");
        Response unsupported = post("/api/v1/assessments", "text/plain", "id: P");
        assertEquals(415, unsupported.statusCode());
        check("post", "/api/v1/assessments", unsupported, "415");
        Response tooLarge = post("/api/v1/assessments", "application/json", "{\"id\": \"" + "x".repeat(2 << 20) + "\"}");
        assertEquals(413, tooLarge.statusCode());
        check("post", "/api/v1/assessments", tooLarge, "413");
        check("post", "/api/v1/audits", post("/api/v1/audits?asOf=01/03/2026", "application/x-ndjson", "{}\n"), "bad asOf");
    }

    @Test
    void catalogueParametersAndCoverageValidate() throws Exception {
        for (String path : List.of("/api/v1/rules", "/api/v1/parameters", "/api/v1/coverage", "/api/v1/rules/reload")) {
            check("get", path, given().when().get(path), path);
        }
    }

    /** A client generated from the document knows what each JSON answer is: every success response names its schema. */
    @Test
    void everyJsonSuccessResponseNamesItsSchema() {
        List<String> unnamed = new ArrayList<>();
        doc.path("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(op ->
                op.getValue().path("responses").fields().forEachRemaining(r -> {
                    if (!r.getKey().startsWith("2")) {
                        return;
                    }
                    r.getValue().path("content").fields().forEachRemaining(c -> {
                        JsonNode schema = c.getValue().path("schema");
                        boolean named = schema.has("$ref") || schema.path("items").has("$ref")
                                || schema.path("additionalProperties").has("$ref");
                        if (c.getKey().contains("json") && !named) {
                            unnamed.add(op.getKey().toUpperCase() + " " + p.getKey() + " " + r.getKey() + " " + c.getKey() + ": " + schema);
                        }
                    });
                })));
        assertEquals(List.of(), unnamed, "JSON success responses without a named schema");
        JsonNode answer = doc.at("/paths/~1api~1v1~1assessments/post/responses/200/content/application~1json/schema");
        assertEquals("#/components/schemas/AssessmentWithCounterfactuals", answer.path("$ref").asText());
        JsonNode withCf = doc.at("/components/schemas/AssessmentWithCounterfactuals");
        assertEquals("#/components/schemas/Counterfactuals", withCf.at("/properties/counterfactuals/$ref").asText(),
                "counterfactuals is typed: " + withCf.path("properties").path("counterfactuals"));
        List<String> required = new ArrayList<>();
        withCf.path("required").forEach(n -> required.add(n.asText()));
        assertFalse(required.contains("counterfactuals"), "written only with ?counterfactuals=true");
        assertTrue(required.containsAll(List.of("projectId", "verdict", "lawAsOf", "rulesVersion", "derived", "findings")), required.toString());
    }

    /** The document's example of the counterfactuals is an excerpt of the real answer for the contract's example. */
    @Test
    void theCounterfactualExampleIsAnExcerptOfTheRealAnswer() throws Exception {
        Response r = post("/api/v1/assessments?counterfactuals=true", "application/json",
                Files.readString(Path.of("examples/rare-earth-proposal.json")));
        assertEquals(200, r.statusCode(), r.asString());
        check("post", "/api/v1/assessments", r, "with counterfactuals");
        JsonNode example = Json.json().readTree(AssessmentResource.COUNTERFACTUAL_EXAMPLE);
        assertEquals(List.of(), vn.lgm.compliance.JsonExcerpt.differences(example, Json.json().readTree(r.asString())),
                "AssessmentResource.COUNTERFACTUAL_EXAMPLE against the real answer");
    }

    /** The audit history's answers: the runs, a run, the changes, the report as JSON, a reform, a licence across runs. */
    @Test
    void auditHistoryAnswersValidate() throws Exception {
        byte[] csv = Files.readAllBytes(Path.of("data/lao-cai/ds-gp-tham-do-yen-bai-6-2025.csv"));
        long[] runs = new long[2];
        for (int i = 0; i < 2; i++) {
            Response r = Users.regulator().contentType("text/csv").body(csv).post("/api/v1/audits?asOf=2026-04-28&register=openapi-history");
            assertEquals(200, r.statusCode());
            r.asString();   // read to its end: the run is stored
            runs[i] = Long.parseLong(r.header("X-Audit-Run"));
        }
        String run = "/api/v1/audits/" + runs[1];
        check("get", "/api/v1/audits", Users.regulator().get("/api/v1/audits"), "runs");
        check("get", "/api/v1/audits/{id}", Users.regulator().get(run), "a run");
        check("get", "/api/v1/audits/{id}", Users.regulator().get("/api/v1/audits/999999"), "no such run");
        check("get", "/api/v1/audits/{id}/changes", Users.regulator().get(run + "/changes"), "changes");
        check("get", "/api/v1/audits/{id}/changes", Users.regulator().get("/api/v1/audits/" + runs[0] + "/changes?since=999999"), "no such run");
        for (String accept : List.of("application/json", "text/html", AuditHistoryResource.XLSX)) {
            check("get", "/api/v1/audits/{id}/report", Users.regulator().accept(accept).get(run + "/report?horizon=180"), "report " + accept);
        }
        check("post", "/api/v1/audits/{id}/reform", Users.regulator().contentType("application/yaml")
                .body("rareEarth.treoMinimumPercent: 85\n".getBytes(StandardCharsets.UTF_8)).post(run + "/reform"), "reform");
        check("post", "/api/v1/audits/{id}/reform", Users.regulator().contentType("application/yaml")
                .body("no.such.parameter: 1\n".getBytes(StandardCharsets.UTF_8)).post(run + "/reform"), "a bad reform");
        check("get", "/api/v1/licences/{number}/history", Users.regulator().get("/api/v1/licences/2373/GP-UBND/history"), "a licence");
        check("get", "/api/v1/licences/{number}/history", Users.regulator().get("/api/v1/licences/NO-SUCH/history"), "no such licence");
        check("get", "/api/v1/rules", given().get("/api/v1/rules?version=no-such-version"), "an unknown rules version");
        check("post", "/api/v1/rules/reload", given().post("/api/v1/rules/reload"), "reload while it is off");
        check("post", "/ui/parse", post("/ui/parse", "application/json", Files.readString(Path.of("examples/rare-earth-proposal.json"))), "parse");
        check("post", "/ui/parse", post("/ui/parse", "application/json", "{\"id\": 3}"), "parse, bad");
        check("get", "/ui/cases", given().get("/ui/cases"), "the page's examples");
    }

    @Test
    void auditLinesValidate() throws Exception {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json")).replaceAll("\\s*\\R\\s*", " ");
        String body = example + "\n{\"id\": \"BAD\", \"stage\": \"SOON\"}\n" + example.replace("P-001", "P-002") + "\n";
        Response r = post("/api/v1/audits?asOf=2026-03-01&compareAsOf=2025-09-01", "application/x-ndjson", body);
        assertEquals(200, r.statusCode());
        Schema line = responseSchema("post", "/api/v1/audits", 200, "application/x-ndjson");
        List<String> lines = r.asString().lines().toList();
        assertEquals(6, lines.size(), "3 records, 2 comparisons, the summary: " + lines);
        for (String l : lines) {
            valid(line, l, "audit line");
        }
        assertNotNull(Json.json().readTree(lines.get(5)).get("summary"));
    }
}
