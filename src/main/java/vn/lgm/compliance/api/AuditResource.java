package vn.lgm.compliance.api;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import vn.lgm.compliance.regulator.audit.Audit;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.LeanWriter;
import vn.lgm.compliance.regulator.audit.RecordSource;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.history.ApiRunRecorder;
import vn.lgm.compliance.regulator.history.HistoryService;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.LawSpan;
import vn.lgm.compliance.contract.input.Limits;

/**
 * Batch audit over HTTP: NDJSON or CSV in, NDJSON out, streamed (chunked) in input order with one line per
 * input record, in constant memory whatever the size of the upload. The same runner as the {@code audit} command;
 * a CSV register is recognised by its header. At most {@code audit.max-concurrent} audits run at once (each holds
 * one worker thread while it reads the upload); more are refused with 503. The stream ends with one
 * {@code {"summary": …}} line when every record was answered, or one {@code {"incomplete": …}} line saying why not.
 */
@Path("/api/v1/audits")
@Tag(name = "Audits", description = "Whole licence registers, one result per record")
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    private static final Limits LIMITS = Limits.DEFAULTS;
    /** The audit slots (package-private: a test checks a cut upload frees its slot). */
    static final Semaphore RUNNING = new Semaphore(LIMITS.maxConcurrentAudits());

    @Inject
    LiveRules live;

    /** An upload slower than this, over a window of waiting for it, is cut ({@link MinimumRate}). */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "audit.upload.min-bytes-per-second")
    long minBytesPerSecond;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "audit.upload.rate-window")
    java.time.Duration rateWindow;

    /** Every posted audit is stored in the audit history (issue #14). */
    @Inject
    HistoryService history;

    @POST
    @Blocking
    @jakarta.annotation.security.RolesAllowed("regulator")
    @Consumes({NDJSON, "text/csv"})
    @Produces(NDJSON)
    @Operation(operationId = "auditRegister", summary = "Audit a register: one NDJSON line per input record, in input order",
            description = "Each line is the contract's assessment, or the record's errors ({\"line\", \"id\", \"errors\"}). With "
                    + "compareAsOf, each assessment line is followed by a {\"comparison\": …} line. The last line is "
                    + "{\"summary\": …} when every record was answered, or {\"incomplete\": …} saying why the stream ended "
                    + "early. Any size of upload is streamed in bounded memory.")
    @RequestBody(required = true, content = {
            @Content(mediaType = NDJSON, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "JSON Lines: one contract project (schema Project) per line")),
            @Content(mediaType = "text/csv", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING,
                    description = "A CSV register with a header row, recognised by its header through the column mapping"))})
    @APIResponse(responseCode = "200", description = "One line per record, then the summary line",
            content = @Content(mediaType = NDJSON, schema = @Schema(implementation = AuditLine.class)))
    @APIResponse(responseCode = "400", description = "A bad asOf or compareAsOf, or a CSV header no register of the mapping matches",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "415", description = "A body that is neither NDJSON nor CSV",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputErrors.class)))
    @APIResponse(responseCode = "503", description = "Too many audits running; try again later",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = InputErrors.class)))
    public Response audit(InputStream body, @HeaderParam("Content-Type") String contentType,
                          @Parameter(description = "Apply the law as of this date to every record (YYYY-MM-DD); default each record's assessmentDate")
                          @QueryParam("asOf") String asOf,
                          @Parameter(description = "Also assess every record as of this date: a comparison line follows each assessment")
                          @QueryParam("compareAsOf") String compareAsOf,
                          @Parameter(description = "A name to file the run under in the audit history (e.g. the register's file"
                                  + " name), so the next audit of the same register is compared with it; it does not change how the"
                                  + " register is read, which is recognised by its header")
                          @QueryParam("register") String register,
                          @Parameter(description = "full (default): each line the contract's assessment; lean: rule ids, outcomes and facts only, expanded from GET /api/v1/rules?version=")
                          @QueryParam("detail") String detail) {
        // The rules in force when the request arrived, for the whole stream, even if they are reloaded meanwhile.
        Assessor assessor = live.assessor();
        LawSpan span = assessor.rules().lawSpan();
        List<InputError> problems = new ArrayList<>();
        LocalDate from = date("asOf", asOf, span, problems);
        LocalDate compare = date("compareAsOf", compareAsOf, span, problems);
        LeanWriter.Detail parsed = null;
        try {
            parsed = LeanWriter.Detail.parse(detail);
        } catch (IllegalArgumentException e) {
            problems.add(new InputError("detail", e.getMessage()));
        }
        LeanWriter.Detail lines = parsed;
        if (!problems.isEmpty()) {
            return error(Response.Status.BAD_REQUEST, problems);
        }
        if (!RUNNING.tryAcquire()) {
            return error(Response.Status.SERVICE_UNAVAILABLE, List.of(new InputError("$", "already running "
                    + LIMITS.maxConcurrentAudits() + " audits (audit.max-concurrent); try again when one has finished")));
        }
        boolean csv = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("text/csv");
        RecordSource source;
        ApiRunRecorder recorder = new ApiRunRecorder(history.store(), assessor, register, from, compare);
        // the rate guard under the hash, so reading what is left of a cut upload fails at once too
        InputStream hashed = recorder.wrap(new MinimumRate(body, minBytesPerSecond, rateWindow));
        try {
            source = Audit.open(ApiRunRecorder.unclosable(hashed), csv, null, LIMITS);
        } catch (IOException | RuntimeException e) {
            RUNNING.release();
            return error(Response.Status.BAD_REQUEST, List.of(new InputError("$", e.getMessage())));
        }
        StreamingOutput stream = out -> {
            try (source) {
                AuditRunner.Outcome o = new AuditRunner(assessor, from, compare).detail(lines).withComparisonLines().withSpan(span)
                        .run(source, out, recorder.listener(), new AuditRunner.Stop());
                try {
                    recorder.finish(hashed, source.describe());
                } catch (MinimumRate.TooSlow e) {
                    return; // cut for its rate: the stream already ends with its incomplete line saying so
                }
                if (o.complete()) {
                    Map<String, Object> summary = new LinkedHashMap<>();
                    summary.put("records", o.records());
                    summary.put("assessed", o.assessed());
                    summary.put("errors", o.errors());
                    summary.put("complete", true);
                    summary.put("warnings", o.warnings());
                    out.write(Json.json().writeValueAsBytes(Map.of("summary", summary)));
                    out.write('\n');
                    out.flush();
                }
            } finally {
                RUNNING.release();
            }
        };
        return Response.ok(stream, NDJSON).header("X-Audit-Run", recorder.runId())
                .header("Link", "</api/v1/audits/" + recorder.runId() + "/report>; rel=\"report\"").build();
    }

    private static LocalDate date(String name, String text, LawSpan span, List<InputError> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(text.strip());
            InputError outside = span.check(name, d);
            if (outside != null) {
                problems.add(outside);
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            problems.add(new InputError(name, "expected a date as YYYY-MM-DD, found '" + text + "'"));
            return null;
        }
    }

    static Response error(Response.Status status, List<InputError> problems) {
        return Response.status(status).entity(new InputErrors(problems)).type("application/json").build();
    }
}
