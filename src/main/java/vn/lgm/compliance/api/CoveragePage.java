package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.coverage.CoverageWriter;

@Path("/coverage")
public class CoveragePage {

    @Inject
    CoverageService coverage;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "coveragePage", summary = "The coverage report as a page a lawyer can read: provisions in the law's order, green/amber/red")
    public String page() {
        return CoverageWriter.html(coverage.report());
    }
}
