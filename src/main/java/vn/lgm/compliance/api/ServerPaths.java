package vn.lgm.compliance.api;

import java.util.List;

import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.regulator.history.HistoryStore;

/**
 * No answer of the service shows a path of the server's files (issue 20): a stored run keeps the path of the file the
 * {@code audit} command read (its manifest beside the output needs it), but over HTTP a run is shown by its register's
 * name and the SHA-256 of its input, never by where the file lay. A response filter rather than a Jackson mix-in on the
 * service's mapper: Quarkus REST writes records with serializers generated at build time, which do not see mix-ins.
 * The OpenAPI document leaves the field out too ({@link OpenApiFilter}).
 */
public class ServerPaths {

    /** The field of a stored run that holds a server path. */
    static final String INPUT_PATH = "inputPath";

    @JsonIgnoreProperties({INPUT_PATH})
    abstract static class RunWithoutPath {
    }

    private static final ObjectMapper SHOWN = Json.json().copy().addMixIn(HistoryStore.Run.class, RunWithoutPath.class);

    /** A run, or a list of runs, written here without the path (as JSON text: the declared type would pick the generated writer). */
    @ServerResponseFilter
    public void withoutServerPaths(ContainerResponseContext response) throws JsonProcessingException {
        Object entity = response.getEntity();
        if (entity instanceof HistoryStore.Run || entity instanceof List<?> list && !list.isEmpty()
                && list.stream().anyMatch(HistoryStore.Run.class::isInstance)) {
            response.setEntity(SHOWN.writeValueAsString(entity), response.getEntityAnnotations(), response.getMediaType());
        }
    }
}
