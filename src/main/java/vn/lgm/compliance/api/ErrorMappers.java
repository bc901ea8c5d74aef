package vn.lgm.compliance.api;

import java.util.List;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.engine.Assessor;

/**
 * Every refusal answered with the same JSON body as a 400, naming the problem (issue 20: no empty-bodied errors): an
 * unsupported body type (415), a request a resource refused ({@link Requests.Refused}), a description the limits refuse
 * (422, naming the limit), and any other refusal the framework makes before our code runs (404 for a path that is no
 * endpoint, 405, 406, ...).
 */
public class ErrorMappers {

    private static final Logger LOG = Logger.getLogger(ErrorMappers.class);

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return AuditResource.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, List.of(new InputError("$",
                "the body's Content-Type " + (type == null ? "(none)" : "'" + type + "'") + " is not accepted here; "
                        + "send application/json or application/yaml (one project), application/x-ndjson or text/csv (an audit)")));
    }

    @ServerExceptionMapper
    public Response refused(Requests.Refused e) {
        return AuditResource.error(e.status, e.problems);
    }

    /**
     * A valid description whose assessment needs more than one assessment may take: refused as too large for this
     * service (422), naming the limit, never a 500 saying a rule runs away.
     */
    @ServerExceptionMapper
    public Response tooLarge(Assessor.LimitExceeded e) {
        LOG.warnf("an assessment reached a limit: %s", e.getMessage());
        return json(422, List.of(new InputError("$", limitMessage(e))));
    }

    static Response json(int status, List<InputError> problems) {
        return Response.status(status).entity(new vn.lgm.compliance.contract.input.InputErrors(problems))
                .type("application/json").build();
    }

    static String limitMessage(Assessor.LimitExceeded e) {
        String what = "assessment.max-rule-firings".equals(e.limit())
                ? "more than " + e.value() + " rule firings (assessment.max-rule-firings)"
                : "more than " + e.value() + " ms (assessment.time-limit-ms)";
        return "this description needs " + what + " to assess, the most one assessment may take here; send a smaller"
                + " description (fewer entries in its lists) or ask the service's operator to raise the limit";
    }

    /** Any other refusal of the framework (its own body, if any, is plain text): the JSON body, with what was asked. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException e, UriInfo uri, jakarta.ws.rs.core.Request request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return AuditResource.error(Response.Status.INTERNAL_SERVER_ERROR, List.of(new InputError("$",
                    "the request failed on the server; it is logged")));
        }
        String what = request.getMethod() + " " + uri.getPath();
        String message = switch (status) {
            case 404 -> "no such resource: " + what + (e.getCause() != null ? " (a part of the path is not of the kind expected)" : "");
            case 405 -> "the method is not allowed here: " + what;
            case 406 -> "none of the media types the request accepts (Accept) can be given by " + what;
            default -> e.getMessage() == null ? "the request was refused: " + what : e.getMessage();
        };
        Response.ResponseBuilder r = Response.fromResponse(json(status, List.of(new InputError("$", message))));
        if (e.getResponse() != null && e.getResponse().getHeaderString("Allow") != null) {
            r.header("Allow", e.getResponse().getHeaderString("Allow"));
        }
        return r.build();
    }
}
