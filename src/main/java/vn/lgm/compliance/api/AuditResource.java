package vn.lgm.compliance.api;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import io.smallrye.common.annotation.Blocking;
import vn.lgm.compliance.audit.Audit;
import vn.lgm.compliance.audit.AuditRunner;
import vn.lgm.compliance.audit.LeanWriter;
import vn.lgm.compliance.audit.RecordSource;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.InputError;

/**
 * Batch audit over HTTP: NDJSON or CSV in, NDJSON out, streamed (chunked) in input order with one line per
 * input record, in constant memory. The same runner as the {@code audit} command.
 */
@Path("/api/v1/audits")
public class AuditResource {

    static final String NDJSON = "application/x-ndjson";

    @Inject
    LiveRules live;

    @POST
    @Blocking
    @Consumes({NDJSON, "text/csv"})
    @Produces(NDJSON)
    @Operation(summary = "Audit a register: one NDJSON line per input record, in input order (an assessment, or the record's errors)")
    public Response audit(InputStream body, @HeaderParam("Content-Type") String contentType,
                          @Parameter(description = "Apply the law as of this date to every record (YYYY-MM-DD)") @QueryParam("asOf") String asOf,
                          @Parameter(description = "Also assess as of this date (the amendment comparison)") @QueryParam("compareAsOf") String compareAsOf,
                          @Parameter(description = "For CSV: the register's file name, which selects its constants and complete-record blocks in the mapping")
                          @QueryParam("register") String register,
                          @Parameter(description = "full (default): each line the contract's assessment; lean: rule ids, outcomes and facts only, expanded from GET /api/v1/rules?version=")
                          @QueryParam("detail") String detail) {
        LocalDate from;
        LocalDate compare;
        try {
            from = asOf == null || asOf.isBlank() ? null : LocalDate.parse(asOf);
            compare = compareAsOf == null || compareAsOf.isBlank() ? null : LocalDate.parse(compareAsOf);
        } catch (DateTimeParseException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new InputErrors(List.of(new InputError("asOf", "expected a date as YYYY-MM-DD: " + e.getParsedString()))))
                    .type("application/json").build();
        }
        LeanWriter.Detail lines;
        try {
            lines = LeanWriter.Detail.parse(detail);
        } catch (IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new InputErrors(List.of(new InputError("detail", e.getMessage())))).type("application/json").build();
        }
        // The rules in force when the request arrived, for the whole stream, even if they are reloaded meanwhile.
        Assessor assessor = live.assessor();
        boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
        RecordSource source;
        try {
            source = Audit.open(body, register, csv, null);
        } catch (IOException | IllegalArgumentException e) {
            return Response.status(Response.Status.BAD_REQUEST)
                    .entity(new InputErrors(List.of(new InputError("$", e.getMessage())))).type("application/json").build();
        }
        StreamingOutput stream = out -> {
            try (source) {
                new AuditRunner(assessor, from, compare).detail(lines).run(source, out, null);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        };
        return Response.ok(stream, NDJSON).build();
    }
}
