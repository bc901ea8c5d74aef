package vn.lgm.compliance.api;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
 * /api/v1/rules/reload} by a user with the role {@code lawyer} (README "Security"), and the signal {@code kill -HUP <pid>}. The new rules are swapped in only when they
 * compile and every case passes; otherwise the answer (409) says why, with {@code file:line} or the failing cases.
 * A third way, for a lawyer's workstation, is the watch ({@code rules.watch.enabled}, {@link RulesWatch}). {@code GET}
 * says what is on and the last reload of any of the three: when, what started it, and its result.
 */
@Path("/api/v1/rules/reload")
@PermitAll
public class ReloadResource {

    private static final Logger LOG = Logger.getLogger(ReloadResource.class);

    @Inject
    LiveRules live;

    @ConfigProperty(name = "rules.reload.enabled", defaultValue = "false")
    boolean enabled;

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
        return new ReloadStatus(enabled, watch.enabled(), watch.watched().stream().map(ReloadResource::shown).toList(),
                live.rules().version(), live.lastReload());
    }

    /** A watched folder as the service shows it: relative to its working directory, never the server's full path. */
    static String shown(String folder) {
        java.nio.file.Path here = java.nio.file.Path.of("").toAbsolutePath();
        java.nio.file.Path p = java.nio.file.Path.of(folder).toAbsolutePath().normalize();
        java.nio.file.Path name = p.getFileName();
        return p.startsWith(here) ? here.relativize(p).toString().replace('\\', '/') : name == null ? "" : name.toString();
    }

    @POST
    @Blocking
    @RolesAllowed("lawyer")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reload rules/ (when enabled; a user with the role lawyer): swapped in only if they compile and every case passes")
    @APIResponse(responseCode = "200", description = "The new rules are in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleReload.ReloadResult.class)))
    @APIResponse(responseCode = "409", description = "Refused: the rules in force stay; the message gives file:line or the failing cases",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleReload.ReloadResult.class)))
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Logged in without the role lawyer")
    @APIResponse(responseCode = "404", description = "Reload is off (rules.reload.enabled=false)",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    public Response reload() {
        if (!enabled) {
            return Response.status(Response.Status.NOT_FOUND).type(MediaType.TEXT_PLAIN)
                    .entity("Rule reload is off (rules.reload.enabled=false)").build();
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
