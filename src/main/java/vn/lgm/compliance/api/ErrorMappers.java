package vn.lgm.compliance.api;

import java.util.List;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import vn.lgm.compliance.contract.input.InputError;

/** 415 (and any other refusal the framework makes before our code runs) answered with the same JSON body as a 400. */
public class ErrorMappers {

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, HttpHeaders headers) {
        String type = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return AuditResource.error(Response.Status.UNSUPPORTED_MEDIA_TYPE, List.of(new InputError("$",
                "the body's Content-Type " + (type == null ? "(none)" : "'" + type + "'") + " is not accepted here; "
                        + "send application/json or application/yaml (one project), application/x-ndjson or text/csv (an audit)")));
    }
}
