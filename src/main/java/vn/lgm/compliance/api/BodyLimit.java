package vn.lgm.compliance.api;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.Json;

/**
 * Every endpoint's request-body limit, checked before any of the body is read: a Content-Length over it is answered
 * 413 with the same JSON error body as a 400; a body sent without a Content-Length (chunked) is answered 411, since its
 * size could not be checked first. Only the audit upload ({@code POST /api/v1/audits}) streams, in bounded memory and
 * at a minimum rate ({@link MinimumRate}), which is why the framework's own limit ({@code quarkus.http.limits.max-body-size})
 * is set far above these.
 *
 * <p>The endpoint is found from the <em>normalised</em> path, the one the router dispatches on: {@code
 * /api/v1/audits/../assessments} and {@code /api/v1/audits/%2e%2e/assessments} are the assessments endpoint and get
 * its limit. Only the exact audit-upload route streams; any other path gets a finite limit.
 */
@ApplicationScoped
public class BodyLimit {

    /** What an endpoint accepts as a body. */
    enum Endpoint {
        /** POST /api/v1/audits: any size, streamed, at a minimum rate. */
        AUDIT_UPLOAD("http.max-body-size (none: the register is streamed)"),
        /** POST /api/v1/audits/{id}/reform: a patch of parameters.yaml. */
        REFORM("http.max-body-size.reform"),
        /** A project description: assessments, interviews, the page's report and parse. */
        DESCRIPTION("http.max-body-size"),
        /** Everything else (GETs, the reload, unknown paths): no body. */
        NO_BODY("http.max-body-size.other");

        final String property;

        Endpoint(String property) {
            this.property = property;
        }
    }

    private static final Pattern REFORM = Pattern.compile("/api/v1/audits/[^/]+/reform");
    private static final List<String> DESCRIPTIONS = List.of("/api/v1/assessments", "/api/v1/interviews/next", "/ui/report",
            "/ui/parse");

    @ConfigProperty(name = "http.max-body-size")
    MemorySize description;

    @ConfigProperty(name = "http.max-body-size.reform")
    MemorySize reform;

    @ConfigProperty(name = "http.max-body-size.other")
    MemorySize other;

    /** The endpoint a request goes to, from its method and normalised path (trailing slashes ignored). */
    static Endpoint endpoint(HttpMethod method, String normalisedPath) {
        String path = normalisedPath;
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        if (!HttpMethod.POST.equals(method)) {
            return Endpoint.NO_BODY;
        }
        if (path.equals("/api/v1/audits")) {
            return Endpoint.AUDIT_UPLOAD;
        }
        if (REFORM.matcher(path).matches()) {
            return Endpoint.REFORM;
        }
        return DESCRIPTIONS.contains(path) ? Endpoint.DESCRIPTION : Endpoint.NO_BODY;
    }

    long limit(Endpoint e) {
        return switch (e) {
            case AUDIT_UPLOAD -> Long.MAX_VALUE;
            case REFORM -> reform.asLongValue();
            case DESCRIPTION -> description.asLongValue();
            case NO_BODY -> other.asLongValue();
        };
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        Endpoint endpoint = endpoint(ctx.request().method(), ctx.normalizedPath());
        if (endpoint == Endpoint.AUDIT_UPLOAD) {
            ctx.next();
            return;
        }
        long limit = limit(endpoint);
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            // HTTP/1.1 says a body without a length is chunked; HTTP/2 needs no header for one
            boolean mayHaveBody = ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                    || ctx.request().version() == HttpVersion.HTTP_2 && HttpMethod.POST.equals(ctx.request().method());
            if (mayHaveBody) {
                reply(ctx, 411, "a body without Content-Length is refused here, as its size cannot be checked before it is "
                        + "read; send it with its length (a register goes to POST /api/v1/audits, which streams)");
                return;
            }
        } else {
            try {
                long n = Long.parseLong(length.strip());
                if (n > limit) {
                    reply(ctx, 413, limit == 0
                            ? ctx.request().method() + " " + ctx.normalizedPath() + " takes no body; this one holds " + n + " bytes"
                            : "the body holds " + n + " bytes, over the limit of " + limit + " bytes for "
                                    + ctx.request().method() + " " + ctx.normalizedPath() + " (" + endpoint.property
                                    + "); a register goes to POST /api/v1/audits, which streams");
                    return;
                }
            } catch (NumberFormatException e) {
                // the framework answers a malformed length itself
            }
        }
        ctx.next();
    }

    private static void reply(RoutingContext ctx, int status, String message) {
        try {
            byte[] body = Json.json().writeValueAsBytes(new InputErrors(List.of(new InputError("$", message))));
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(io.vertx.core.buffer.Buffer.buffer(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }
}
