package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lgm.compliance.lawyer.CoverageService;

@Path("/api/v1/coverage")
@jakarta.annotation.security.PermitAll
public class CoverageResource {

    @Inject
    CoverageService coverage;

    /** While the first run is under way: 503 with Retry-After and the run's progress; it never waits. */
    public record Computing(String status, String phase, int done, int total, String error) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coverage: provisions to rules to cases, mutation score, unpinned rules, failing cases"
            + " (503 with the progress while it is first computed, in the background at start-up)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "The coverage report",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = vn.lgm.compliance.lawyer.CoverageReport.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "503",
            description = "Still being computed (or failed): its progress; Retry-After says when to ask again",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Computing.class)))
    public Response coverage() {
        CoverageService.State s = coverage.state();
        if (s.ready()) {
            return Response.ok(s.report()).build();
        }
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).header("Retry-After", "2")
                .entity(new Computing(s.error() == null ? "computing" : "failed", s.progress().phase(),
                        s.progress().done(), s.progress().total(), s.error())).build();
    }
}
