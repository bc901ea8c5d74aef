package vn.lgm.compliance.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.investor.AssessmentWithCounterfactuals;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.contract.model.Assessment;

@Path("/api/v1/assessments")
@Tag(name = "Assessments", description = "One project description assessed against the law as of a date")
@jakarta.annotation.security.PermitAll
public class AssessmentResource {

    private static final ProjectReader JSON = ProjectReader.json();
    private static final ProjectReader YAML = ProjectReader.yaml();
    /** Excerpt of the real output for examples/rare-earth-proposal.json (OpenApiValidationTest checks it against the answer). */
    static final String COUNTERFACTUAL_EXAMPLE = """
            {"projectId": "P-001", "verdict": "NON_COMPLIANT", "findings": ["..."],
             "counterfactuals": {"findings": [{"ruleId": "EXP-001", "outcome": "VIOLATION", "at": "exports[0]", "found": true,
                 "changes": [{"path": "exports[0].product", "from": "CONCENTRATE", "to": "MIXED_CARBONATE"},
                     {"path": "exports[0].meetsMoitStandard", "from": false, "to": true},
                     {"path": "exports[0].onPmExportList", "from": false, "to": true}],
                 "verdictAfter": "INCOMPLETE"}],
               "project": {"changes": [{"path": "exports[0].product", "from": "CONCENTRATE", "to": "MIXED_CARBONATE"},
                   {"path": "exports[0].meetsMoitStandard", "from": false, "to": true},
                   {"path": "exports[0].onPmExportList", "from": false, "to": true}],
                 "verdictBefore": "NON_COMPLIANT", "verdictAfter": "INCOMPLETE", "remaining": []},
               "budgetReached": false, "stoppedBy": null}}""";

    @Inject
    Assessor assessor;

    @Inject
    AssessmentExtras extras;

    @Inject
    LiveRules live;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "assessProject", summary = "Assess one project description against the law as of its assessmentDate")
    @RequestBody(required = true, content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class),
                    examples = @ExampleObject(name = "rare-earth proposal",
                            value = ApiExamples.RARE_EARTH_PROPOSAL)),
            @Content(mediaType = "application/yaml", schema = @Schema(implementation = Project.class))})
    @APIResponse(responseCode = "200", description = "The assessment; with ?counterfactuals=true, with the added field counterfactuals",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssessmentWithCounterfactuals.class), examples = @org.eclipse.microprofile.openapi.annotations.media.ExampleObject(
                    name = "with ?counterfactuals=true", summary = "the added field (excerpt)", value = COUNTERFACTUAL_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Every problem in the description, each with its JSON path",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "411", description = "A body sent without Content-Length (chunked), whose size cannot be checked first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "413", description = "A body over the size limit (http.max-body-size, 1 MiB)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "415", description = "A body that is neither JSON nor YAML",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "422", description = "A valid description the service's limits refuse: its assessment needs more"
            + " rule firings (assessment.max-rule-firings) or more time (assessment.time-limit-ms) than one assessment may take;"
            + " the message names the limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response assess(byte[] body, @jakarta.ws.rs.HeaderParam("Content-Type") String contentType,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "Addition to the contract: true adds"
                    + " the field counterfactuals, the smallest fact changes that remove each VIOLATION and OBLIGATION, each checked by"
                    + " re-assessing, within the request's deadline (counterfactuals.time-limit)",
                    schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.BOOLEAN))
            @jakarta.ws.rs.QueryParam("counterfactuals") String counterfactuals,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "vi: titles, explanations, remediations and citations in Vietnamese")
            @jakarta.ws.rs.QueryParam("lang") String lang,
            @jakarta.ws.rs.HeaderParam("Accept-Language") String acceptLanguage) {
        long start = System.nanoTime();
        boolean withCounterfactuals = Requests.flag("counterfactuals", counterfactuals);
        ProjectReader reader = contentType != null && contentType.contains("yaml") ? YAML : JSON;
        ProjectReader.Result read = reader.read(body);
        if (!read.ok()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new InputErrors(read.errors())).build();
        }
        InputError outside = assessor.rules().lawSpan().check("assessmentDate", read.project().assessmentDate());
        if (outside != null) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new InputErrors(List.of(outside))).build();
        }
        // one rules version for the assessment and its texts, even across a hot reload; a description the limits
        // refuse is a 422 naming the limit (ErrorMappers)
        Assessor now = live.assessor();
        Assessment assessment = now.assess(read.project(), Assessor.Options.WITHOUT_TEXTS);
        return Response.ok(extras.respond(now.rules(), assessment, read.project(),
                Labels.lang(lang != null ? lang : acceptLanguage), withCounterfactuals,
                withCounterfactuals ? extras.bounds(start) : null)).build();
    }
}
