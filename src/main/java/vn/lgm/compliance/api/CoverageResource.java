package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/coverage")
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
