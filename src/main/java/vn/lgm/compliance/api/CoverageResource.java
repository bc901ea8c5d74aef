package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.coverage.CoverageReport;

@Path("/api/v1/coverage")
public class CoverageResource {

    @Inject
    CoverageService coverage;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coverage: provisions to rules to cases, mutation score, unpinned rules, failing cases")
    public CoverageReport coverage() {
        return coverage.report();
    }
}
