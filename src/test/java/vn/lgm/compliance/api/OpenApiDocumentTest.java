package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.Generated;
import vn.lgm.compliance.contract.input.Json;

/**
 * docs/openapi.json is the document the service serves at /q/openapi: the build generates the test's API client from this
 * committed copy (pom.xml, openapi-generator), so the copy must be the served document, or the client would test another
 * API. Compared as JSON; written pretty-printed when it has to be rewritten (see {@link Generated}: under CI a difference
 * fails).
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final Path COPY = Path.of("docs/openapi.json");
    /**
     * The tests' identity provider (Quarkus Dev Services) listens on a port chosen at each start; the committed copy names
     * it by this placeholder, as a deployment names its own provider (quarkus.oidc.auth-server-url).
     */
    static final String AUTH_SERVER = "https://identity-provider.example/";

    @Test
    void theCommittedCopyIsTheServedDocument() throws Exception {
        JsonNode served = Json.json().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString()
                .replaceAll("(\"openIdConnectUrl\"\\s*:\\s*\")http://localhost:[0-9]+/", "$1" + AUTH_SERVER));
        JsonNode copy = Files.exists(COPY) ? Json.json().readTree(Files.readString(COPY)) : null;
        if (!served.equals(copy)) {
            Generated.keep(COPY, Json.json().writerWithDefaultPrettyPrinter().writeValueAsString(served) + "\n",
                    "the OpenAPI document the service serves");
        }
        assertEquals(served, Json.json().readTree(Files.readString(COPY)), "the copy, after the check");
    }
}
