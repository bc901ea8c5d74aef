package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.coverage.CoverageWriter;

@Path("/coverage")
public class CoveragePage {

    @Inject
    CoverageService coverage;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "coveragePage", summary = "The coverage report as a page a lawyer can read: provisions in the law's order, green/amber/red"
            + " (while it is first computed, a page showing the progress that refreshes itself)")
    public String page() {
        CoverageService.State s = coverage.state();
        if (s.ready()) {
            return CoverageWriter.html(s.report());
        }
        String phase = escape(s.progress().phase());
        String text = s.error() != null
                ? "The coverage could not be computed: " + escape(s.error())
                : "Computing the coverage in the background (" + phase + ": " + s.progress().done() + " of "
                + s.progress().total() + "). This page refreshes itself.";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + (s.error() == null ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
                + "<title>Coverage — computing</title></head><body><h1>Coverage</h1><p>" + text + "</p>"
                + (s.progress().total() > 0 ? "<progress max=\"" + s.progress().total() + "\" value=\""
                + s.progress().done() + "\"></progress>" : "") + "</body></html>";
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
