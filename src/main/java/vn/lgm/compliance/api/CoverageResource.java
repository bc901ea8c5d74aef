package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.cases.CaseLoader;
import vn.lgm.compliance.coverage.CoverageReport;
import vn.lgm.compliance.coverage.CoverageRunner;
import vn.lgm.compliance.coverage.CoverageWriter;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;

/** Coverage of the law by the loaded rules and of the rules by the cases, computed once on first request. */
@Singleton
@Path("/")
public class CoverageResource {

    @Inject
    RuleBase rules;

    @ConfigProperty(name = "cases.dir", defaultValue = "cases")
    String casesDir;

    private volatile CoverageReport report;

    CoverageReport report() {
        if (report == null) {
            synchronized (this) {
                if (report == null) {
                    ProvisionRegister register = ProvisionRegister.load(rules.dir().resolve("provisions.yaml"));
                    report = new CoverageRunner(rules, register).run(new CaseLoader().loadAll(java.nio.file.Path.of(casesDir)));
                }
            }
        }
        return report;
    }

    @GET
    @Path("api/v1/coverage")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Coverage: provisions to rules to cases, mutation score, unpinned rules, failing cases")
    public CoverageReport coverage() {
        return report();
    }

    @GET
    @Path("coverage")
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The coverage report as a page a lawyer can read")
    public String coveragePage() {
        return CoverageWriter.html(report());
    }
}
