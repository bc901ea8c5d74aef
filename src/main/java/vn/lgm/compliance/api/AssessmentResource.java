package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.input.InputErrors;
import vn.lgm.compliance.input.ProjectReader;
import vn.lgm.compliance.model.Assessment;
import vn.lgm.compliance.model.Project;

@Path("/api/v1/assessments")
public class AssessmentResource {

    private static final ProjectReader JSON = ProjectReader.json();
    private static final ProjectReader YAML = ProjectReader.yaml();

    @Inject
    Assessor assessor;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assess one project description against the law as of its assessmentDate")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "200", description = "The assessment",
            content = @Content(schema = @Schema(implementation = Assessment.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the description, each with its JSON path",
            content = @Content(schema = @Schema(implementation = InputErrors.class)))
    public Response assess(String body, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType) {
        ProjectReader reader = contentType != null && contentType.contains("yaml") ? YAML : JSON;
        ProjectReader.Result read = reader.read(body == null ? "" : body);
        if (!read.ok()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new InputErrors(read.errors())).build();
        }
        return Response.ok(assessor.assess(read.project())).build();
    }
}
