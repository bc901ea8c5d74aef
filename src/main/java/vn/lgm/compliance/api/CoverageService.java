package vn.lgm.compliance.api;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import vn.lgm.compliance.cases.CaseLoader;
import vn.lgm.compliance.coverage.CoverageReport;
import vn.lgm.compliance.coverage.CoverageRunner;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;

/** Coverage of the law by the loaded rules and of the rules by the cases, computed once on first request. */
@Singleton
public class CoverageService {

    @Inject
    RuleBase rules;

    @ConfigProperty(name = "cases.dir", defaultValue = "cases")
    String casesDir;

    private volatile CoverageReport report;

    public CoverageReport report() {
        if (report == null) {
            synchronized (this) {
                if (report == null) {
                    Path cases = Path.of(casesDir);
                    if (!Files.isDirectory(cases)) {
                        throw new WebApplicationException(Response.status(Response.Status.SERVICE_UNAVAILABLE)
                                .type(MediaType.TEXT_PLAIN)
                                .entity("No cases directory at " + cases.toAbsolutePath() + " (set cases.dir)").build());
                    }
                    ProvisionRegister register = ProvisionRegister.load(rules.dir().resolve("provisions.yaml"));
                    report = new CoverageRunner(rules, register).run(new CaseLoader().loadAll(cases));
                }
            }
        }
        return report;
    }
}
