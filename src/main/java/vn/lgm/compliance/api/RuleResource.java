package vn.lgm.compliance.api;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import vn.lgm.compliance.engine.LawParameters;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@jakarta.annotation.security.PermitAll
public class RuleResource {

    /** The rule catalogue: every rule with all its metadata, and the rules version. */
    public record Catalogue(String rulesVersion, int count, List<RuleInfo> rules) {
    }

    @Inject
    RuleBase rules;

    @Inject
    LiveRules live;

    @GET
    @Path("/rules")
    @Operation(summary = "The rule catalogue: every rule with its id, title, area, outcome, citation and dates in force")
    @APIResponse(responseCode = "200", description = "The rules of that version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Catalogue.class)))
    @APIResponse(responseCode = "404", description = "A rules version this service has not loaded",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public Response rules(@Parameter(description = "A rules version this service has loaded (the rulesVersion of an"
            + " assessment or a lean audit line); default the rules in force") @QueryParam("version") String version) {
        RuleBase now = live.rules();
        if (version == null || version.isBlank() || version.equals(now.version())) {
            return Response.ok(new Catalogue(now.version(), now.catalogue().size(), now.catalogue())).build();
        }
        List<RuleInfo> catalogue = live.catalogue(version);
        if (catalogue == null) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("Rules version " + version + " is not known to this service (now " + now.version() + ")").build();
        }
        return Response.ok(new Catalogue(version, catalogue.size(), catalogue)).build();
    }

    @GET
    @Path("/parameters")
    @Operation(summary = "The legal thresholds and terms the rules read, each value dated and cited")
    public Map<String, LawParameters.Parameter> parameters() {
        return rules.parameters().all();
    }
}
