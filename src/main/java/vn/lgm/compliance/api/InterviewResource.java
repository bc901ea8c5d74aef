package vn.lgm.compliance.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.Utf8;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.investor.Interview;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.contract.model.Project;

@Path("/api/v1/interviews")
@jakarta.annotation.security.PermitAll
public class InterviewResource {

    private static final ProjectReader JSON = ProjectReader.json();

    /** The answers so far. */
    @Schema(name = "InterviewRequest", description = "A partial project description and the facts answered \"I don't know\"")
    public record Request(
            @Schema(ref = "Project", description = "The description so far: every fact optional, the id too (the schema's"
                    + " required id is a description's; the interview gives one of its own)") JsonNode project,
            @Schema(description = "JSON paths answered \"I don't know\": they stay unknown and are not asked again",
                    example = "[\"site.inRareEarthReserveArea\"]") List<String> unknown) {
    }

    @Inject
    LiveRules live;

    private volatile Interview interview;

    private static final String EXAMPLE_REQUEST = """
            {"project": {"assessmentDate": "2026-03-01", "activities": ["EXPLOITATION"],
                         "minerals": [{"name": "CONSTRUCTION_STONE"}], "stage": "OPERATING",
                         "licence": {"type": "EXPLOITATION"}},
             "unknown": []}""";

    @POST
    @Path("next")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The interview: the verdict so far, the next screen, and the questions still worth asking",
            description = "First what the project does (activities, mineral, stage, and the licence type only where a licence"
                    + " is held or sought); then only the facts the assessment's INSUFFICIENT_INFORMATION findings (and"
                    + " OBLIGATION due points) ask for, and a list the description omits while a rule reading its entries may"
                    + " apply. What can decide a violation comes before what can only decide a step to take, a condition before"
                    + " what it conditions; a step not yet due is answered Done or Not yet. `page` is the next screen: the"
                    + " questions of one topic, at most 8 (a question with askedIf is shown once the answer it follows leaves it"
                    + " open), and shortcuts that answer several at once with ordinary facts. Answer the page (a fact answered"
                    + " \"I don't know\" goes in unknown), send the description again, repeat until phase is DONE. remaining"
                    + " and likely make the progress line: at most and about how many questions are left. Texts in English or"
                    + " Vietnamese (?lang=vi or Accept-Language: vi).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Request.class),
            examples = @ExampleObject(name = "an operating quarry", value = EXAMPLE_REQUEST)))
    @APIResponse(responseCode = "200", description = "The verdict so far, the next screen and the ranked questions",
            content = @Content(schema = @Schema(implementation = Interview.Step.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the description, each with its JSON path",
            content = @Content(schema = @Schema(implementation = InputErrors.class)))
    public Response next(byte[] body,
                         @Parameter(description = "en or vi") @QueryParam("lang") String lang,
                         @HeaderParam("Accept-Language") String acceptLanguage) {
        String l = Labels.lang(lang != null ? lang : acceptLanguage);
        List<InputError> problems = new ArrayList<>();
        Request request = request(body, problems);
        if (!problems.isEmpty()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new InputErrors(problems)).build();
        }
        JsonNode node = request.project();
        ObjectNode description = node instanceof ObjectNode o ? o.deepCopy() : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (!description.hasNonNull("id")) {
            description.put("id", "INTERVIEW");
        }
        ProjectReader.Result read = JSON.read(description);
        if (!read.ok()) {
            List<InputError> errors = read.errors().stream().map(e -> new InputError("project." + e.path(), e.message())).toList();
            return Response.status(Response.Status.BAD_REQUEST).entity(new InputErrors(errors)).build();
        }
        return Response.ok(interview().next(read.project(), request.unknown(), l)).build();
    }

    /**
     * The request read as written (issue 20): an object with {@code project} (an object) and {@code unknown} (a list of
     * paths as text), nothing else; a bare description sent here is told where it goes. Every problem with its path.
     */
    static Request request(byte[] body, List<InputError> problems) {
        JsonNode root;
        try {
            root = Json.json().reader().with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .readTree(Utf8.decode(body == null ? new byte[0] : body));
        } catch (Utf8.InvalidText e) {
            problems.add(e.error());
            return null;
        } catch (java.io.IOException e) {
            problems.add(new InputError("$", "not valid JSON: " + Json.oneLine(e)));
            return null;
        }
        if (root == null || !root.isObject()) {
            problems.add(new InputError("$", "expected {\"project\": {the description so far}, \"unknown\": [paths answered"
                    + " \"I don't know\"]}"));
            return null;
        }
        java.util.Set<String> descriptionFields = new java.util.HashSet<>();
        for (var c : Project.class.getRecordComponents()) {
            descriptionFields.add(c.getName());
        }
        root.fieldNames().forEachRemaining(f -> {
            if (f.equals("project") || f.equals("unknown")) {
                return;
            }
            problems.add(new InputError(f, descriptionFields.contains(f)
                    ? "unknown field '" + f + "' here: the interview takes {\"project\": {…}, \"unknown\": […]}; this looks like a"
                            + " bare description — send it as \"project\" (or to POST /api/v1/assessments to assess it)"
                    : "unknown field '" + f + "'; the interview takes project and unknown"));
        });
        JsonNode project = root.get("project");
        if (project != null && !project.isNull() && !project.isObject()) {
            problems.add(new InputError("project", "expected an object, the description so far"));
        }
        JsonNode unknown = root.get("unknown");
        List<String> paths = new ArrayList<>();
        if (unknown != null && !unknown.isNull()) {
            if (!unknown.isArray()) {
                problems.add(new InputError("unknown", "expected a list of fact paths as text, e.g. [\"site.areaKm2\"]"));
            } else {
                for (int i = 0; i < unknown.size(); i++) {
                    JsonNode p = unknown.get(i);
                    if (p.isTextual() && !p.asText().isBlank()) {
                        paths.add(p.asText());
                    } else {
                        problems.add(new InputError("unknown[" + i + "]", "expected a fact's path as text, e.g."
                                + " \"site.areaKm2\", found " + (p.isNull() ? "null" : p.isTextual() ? "empty text" : p.toString())));
                    }
                }
            }
        }
        return problems.isEmpty() ? new Request(project, paths) : null;
    }

    /** The interview over the rules in force now (made again when a hot reload brings another rules version). */
    private Interview interview() {
        Assessor now = live.assessor();
        Interview i = interview;
        if (i == null || !i.rulesVersion().equals(now.rules().version())) {
            FindingLocalizer texts = live.localizer(now.rules());
            i = new Interview(now, texts, Labels.shared(), texts.form());   // the form citing in the reader's language
            interview = i;
        }
        return i;
    }
}
