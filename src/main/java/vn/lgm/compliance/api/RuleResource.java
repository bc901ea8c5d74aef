package vn.lgm.compliance.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.engine.LawParameters;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class RuleResource {

    /** The rule catalogue: every rule with all its metadata, and the rules version. */
    public record Catalogue(String rulesVersion, int count, List<RuleInfo> rules) {
    }

    @Inject
    RuleBase rules;

    @GET
    @Path("/rules")
    @Operation(summary = "The rule catalogue: every rule with its id, title, area, outcome, citation and dates in force")
    public Catalogue rules() {
        return new Catalogue(rules.version(), rules.catalogue().size(), rules.catalogue());
    }

    @GET
    @Path("/parameters")
    @Operation(summary = "The legal thresholds and terms the rules read, each value dated and cited")
    public Map<String, LawParameters.Parameter> parameters() {
        return rules.parameters().all();
    }
}
