package vn.lgm.compliance.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Blocking;
import vn.lgm.compliance.lawyer.RulesWatch;
import vn.lgm.compliance.lawyer.RuleReload;

/**
 * Hot reload of rules/, off by default ({@code rules.reload.enabled=true} turns it on). Two ways in: {@code POST
 * /api/v1/rules/reload} with {@code Authorization: Bearer <rules.reload.token>} (no token configured → the
 * endpoint refuses every call), and the signal {@code kill -HUP <pid>}. The new rules are swapped in only when they
 * compile and every case passes; otherwise the answer (409) says why, with {@code file:line} or the failing cases.
 * A third way, for a lawyer's workstation, is the watch ({@code rules.watch.enabled}, {@link RulesWatch}). {@code GET}
 * says what is on and the last reload of any of the three: when, what started it, and its result.
 */
@Path("/api/v1/rules/reload")
public class ReloadResource {

    private static final Logger LOG = Logger.getLogger(ReloadResource.class);

    @Inject
    LiveRules live;

    @ConfigProperty(name = "rules.reload.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "rules.reload.token")
    Optional<String> token;

    @Inject
    RulesWatch watch;

    /**
     * What reloads the rules here and what the last reload did. {@code watching}: the folders the service watches
     * (empty when {@code rules.watch.enabled} is off); {@code last}: null until the first reload.
     */
    public record ReloadStatus(boolean reloadEnabled, boolean watchEnabled, List<String> watching, String rulesVersion,
                               RuleReload.LastReload last) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "What reloads the rules here (the endpoint, SIGHUP, the watch of rules/ and cases/) and the last"
            + " reload: when, what started it (the watch names the files it saw), swapped or refused and why")
    public ReloadStatus reloadStatus() {
        return new ReloadStatus(enabled, watch.enabled(), watch.watched(), live.rules().version(), live.lastReload());
    }

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reload rules/ (when enabled; bearer token): swapped in only if they compile and every case passes")
    @APIResponse(responseCode = "200", description = "The new rules are in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleReload.ReloadResult.class)))
    @APIResponse(responseCode = "409", description = "Refused: the rules in force stay; the message gives file:line or the failing cases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleReload.ReloadResult.class)))
    @APIResponse(responseCode = "401", description = "No bearer token, or not the configured one (none configured: every call)")
    @APIResponse(responseCode = "404", description = "Reload is off (rules.reload.enabled=false)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public Response reload(@HeaderParam("Authorization") String authorization) {
        if (!enabled) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("Rule reload is off (rules.reload.enabled=false)").build();
        }
        if (token.isEmpty() || token.get().isBlank() || authorization == null
                || !MessageDigest.isEqual(("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8),
                        authorization.getBytes(StandardCharsets.UTF_8))) {
            return Response.status(Response.Status.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").build();
        }
        RuleReload.ReloadResult result = live.reload("POST /api/v1/rules/reload");
        return Response.status(result.swapped() ? Response.Status.OK : Response.Status.CONFLICT).entity(result).build();
    }

    /** {@code kill -HUP <pid>} reloads too, when reload is enabled. */
    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                Thread t = new Thread(() -> {
                    RuleReload.ReloadResult r = live.reload("SIGHUP");
                    LOG.infof("SIGHUP reload: %s (rules version %s)", r.message(), r.rulesVersion().substring(0, 12));
                }, "rules-reload");
                t.setDaemon(true);
                t.start();
            });
        } catch (IllegalArgumentException e) {
            LOG.warn("SIGHUP cannot be handled here; use POST /api/v1/rules/reload");
        }
    }
}
