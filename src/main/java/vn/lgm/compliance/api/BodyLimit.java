package vn.lgm.compliance.api;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.Json;

/**
 * The request-body limit of every endpoint but the audit upload ({@code http.max-body-size}): a Content-Length over
 * it is answered 413 with the same JSON error body as a 400, before any of the body is read; a body sent without a
 * Content-Length (chunked) is answered 411, since its size could not be checked before reading it. The audit upload
 * is streamed in bounded memory and has no limit, which is why the framework's own limit
 * ({@code quarkus.http.limits.max-body-size}) is set far above this one.
 */
@ApplicationScoped
public class BodyLimit {

    @ConfigProperty(name = "http.max-body-size")
    MemorySize max;

    void install(@Observes Router router) {
        long limit = max.asLongValue();
        router.route().order(Integer.MIN_VALUE + 10).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            boolean streamed = ctx.request().path().startsWith("/api/v1/audits");
            if (!streamed && length == null && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)) {
                reply(ctx, 411, "a body without Content-Length is refused here, as its size cannot be checked before it is "
                        + "read; send it with its length (a register goes to POST /api/v1/audits, which streams)");
                return;
            }
            if (length != null && !streamed) {
                try {
                    long n = Long.parseLong(length.strip());
                    if (n > limit) {
                        reply(ctx, 413, "the body holds " + n + " bytes, over the limit of " + limit
                                + " bytes (http.max-body-size); a register goes to POST /api/v1/audits, which streams");
                        return;
                    }
                } catch (NumberFormatException e) {
                    // the framework answers a malformed length itself
                }
            }
            ctx.next();
        });
    }

    private static void reply(io.vertx.ext.web.RoutingContext ctx, int status, String message) {
        try {
            byte[] body = Json.json().writeValueAsBytes(new InputErrors(List.of(new InputError("$", message))));
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
