package vn.lgm.compliance.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.common.annotation.Blocking;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.report.ReportBuilder;
import vn.lgm.compliance.regulator.report.ReportFiles;
import vn.lgm.compliance.regulator.report.Reform;
import vn.lgm.compliance.regulator.report.RegulatorAudit;
import vn.lgm.compliance.regulator.history.HistoryService;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.regulator.history.Changes;

/**
 * The audit history over HTTP: stored runs, what changed between two runs, the department report of a run (HTML,
 * JSON or an Excel workbook by {@code Accept}), and a draft reform simulated on a stored run. (An addition to the
 * contract: issue #14.)
 */
@Path("/api/v1/audits")
@Blocking
@jakarta.annotation.security.RolesAllowed("regulator")
@Tag(name = "Audit history", description = "Stored audit runs: changes since the last audit, the department report, reforms, a licence across runs")
public class AuditHistoryResource {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String NO_RUN = "No stored run has this id";

    @Inject
    HistoryService history;

    @Inject
    Assessor assessor;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "auditRuns", summary = "The stored audit runs, oldest first: each run's manifest")
    public List<HistoryStore.Run> runs() {
        return history.store().runs();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "auditRun", summary = "One stored audit run: its manifest")
    @APIResponse(responseCode = "200", description = "The run's manifest",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryStore.Run.class)))
    @APIResponse(responseCode = "404", description = NO_RUN,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response run(@PathParam("id") long id) {
        HistoryStore.Run run = history.store().run(id);
        return run == null ? notFound(id) : Response.ok(run).build();
    }

    @GET
    @Path("{id}/changes")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "auditChanges", summary = "What changed since another run (default: the previous run of the same register): licences newly NON_COMPLIANT, resolved, findings added or removed, by rule and provision")
    @APIResponse(responseCode = "200", description = "The licences whose result changed, and the changes by rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Changes.Report.class)))
    @APIResponse(responseCode = "404", description = NO_RUN + ", or the run is the first of its register and no since was given",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response changes(@PathParam("id") long id,
                            @Parameter(description = "The earlier run; default the previous run of the same register") @QueryParam("since") Long since,
                            @Parameter(description = "vi or en (titles and provisions)") @QueryParam("lang") String lang) {
        HistoryStore store = history.store();
        if (store.run(id) == null) {
            return notFound(id);
        }
        Long from = since;
        if (from == null) {
            HistoryStore.Run previous = store.previousRun(id);
            if (previous == null) {
                return error(Response.Status.NOT_FOUND, "run " + id + " is the first audit of its register: give ?since=ID");
            }
            from = previous.id();
        }
        if (store.run(from) == null) {
            return notFound(from);
        }
        return Response.ok(Changes.between(store, id, from, new RuleNames(assessor.rules()), lang(lang))).build();
    }

    @GET
    @Path("{id}/report")
    @Produces({MediaType.TEXT_HTML, MediaType.APPLICATION_JSON, XLSX})
    @Operation(operationId = "auditReport", summary = "The department report of a stored run: HTML, JSON or an Excel workbook, by Accept")
    @APIResponse(responseCode = "200", description = "The report, in the form Accept asks for (HTML when it names none of these)", content = {
            @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DepartmentReport.class)),
            @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "400", description = "A since run the history does not have",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "404", description = NO_RUN,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response report(@PathParam("id") long id, @HeaderParam("Accept") String accept,
                           @Parameter(description = "vi or en; default vi for a register in Vietnamese (CSV)") @QueryParam("lang") String lang,
                           @Parameter(description = "Compare with this run; default the previous run of the same register") @QueryParam("since") Long since,
                           @Parameter(description = "Forward look in days (e.g. 90)") @QueryParam("horizon") Integer horizon) {
        HistoryStore store = history.store();
        HistoryStore.Run run = store.run(id);
        if (run == null) {
            return notFound(id);
        }
        String language = ReportBuilder.language(lang, run.register());
        RegulatorAudit audit = new RegulatorAudit(assessor, store);
        Map<String, Object> model;
        try {
            model = audit.report(id, language, since, horizon, null, null);
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        String a = accept == null ? "" : accept;
        if (a.contains(XLSX)) {
            return Response.ok(ReportFiles.xlsx(model, store.records(id), new RuleNames(assessor.rules()), language), XLSX)
                    .header("Content-Disposition", "attachment; filename=\"audit-" + id + ".xlsx\"").build();
        }
        if (a.contains(MediaType.APPLICATION_JSON) && !a.contains(MediaType.TEXT_HTML)) {
            return Response.ok(ReportFiles.json(model), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(ReportFiles.html(model), MediaType.TEXT_HTML + ";charset=utf-8").build();
    }

    @POST
    @Path("{id}/reform")
    @Consumes({"application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "auditReform", summary = "A draft reform (a patch to rules/parameters.yaml, YAML) simulated on a stored run: every record under the law as it is and as the draft would make it, the difference by rule and provision")
    @APIResponse(responseCode = "200", description = "The records whose result the draft changes, and the changes by rule",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Reform.Report.class)))
    @APIResponse(responseCode = "400", description = "A draft that is not a patch of known parameters",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "404", description = NO_RUN,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response reform(@PathParam("id") long id, String patch, @QueryParam("lang") String lang) {
        HistoryStore store = history.store();
        HistoryStore.Run run = store.run(id);
        if (run == null) {
            return notFound(id);
        }
        Reform reform;
        try {
            reform = Reform.parse(patch == null ? "" : patch, assessor.rules().parameters());
        } catch (IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return Response.ok(reform.simulate(assessor, store.records(id), new RuleNames(assessor.rules()),
                ReportBuilder.language(lang, run.register()))).build();
    }

    static String lang(String lang) {
        return "vi".equalsIgnoreCase(lang) ? "vi" : "en";
    }

    static Response notFound(long id) {
        return error(Response.Status.NOT_FOUND, "no audit run " + id);
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("errors", List.of(Map.of("path", "$", "message", message)))).build();
    }

}
