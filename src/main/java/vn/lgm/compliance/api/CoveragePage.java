package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.lawyer.CoverageWriter;
import vn.lgm.compliance.lawyer.CoverageService;
import vn.lgm.compliance.lawyer.RuleReload;

@Path("/coverage")
@jakarta.annotation.security.PermitAll
public class CoveragePage {

    @Inject
    CoverageService coverage;

    @Inject
    LiveRules live;

    @GET
    @Produces(MediaType.TEXT_HTML)
    @Operation(operationId = "coveragePage", summary = "The coverage report as a page a lawyer can read: provisions in the law's order, green/amber/red"
            + " (while it is first computed, a page showing the progress that refreshes itself)")
    public String page() {
        CoverageService.State s = coverage.state();
        if (s.ready()) {
            return withLastReload(CoverageWriter.html(s.report()));
        }
        String phase = escape(s.progress().phase());
        String text = s.error() != null
                ? "The coverage could not be computed: " + escape(s.error())
                : "Computing the coverage in the background (" + phase + ": " + s.progress().done() + " of "
                + s.progress().total() + "). This page refreshes itself.";
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + (s.error() == null ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
                + "<title>Coverage — computing</title></head><body>" + lastReload() + "<h1>Coverage</h1><p>" + text + "</p>"
                + (s.progress().total() > 0 ? "<progress max=\"" + s.progress().total() + "\" value=\""
                + s.progress().done() + "\"></progress>" : "") + "</body></html>";
    }

    /** The page with a line on the last reload (the watch's, after an edit) at the top of its body. */
    private String withLastReload(String html) {
        String line = lastReload();
        int body = html.indexOf("<body>");
        return line.isEmpty() || body < 0 ? html : html.substring(0, body + 6) + "\n" + line + html.substring(body + 6);
    }

    /** Empty when there has been no reload; else when, what started it, and swapped or refused and why. */
    private String lastReload() {
        RuleReload.LastReload last = live.lastReload();
        if (last == null) {
            return "";
        }
        RuleReload.ReloadResult r = last.result();
        String head = "Last reload (" + escape(last.trigger()) + ", " + last.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "): ";
        if (r.swapped()) {
            return "<p class=\"muted\" id=\"last-reload\">" + head + "swapped in, rules version <code>"
                    + escape(r.rulesVersion().substring(0, 12)) + "</code>.</p>";
        }
        StringBuilder b = new StringBuilder("<div id=\"last-reload\" style=\"border-left:6px solid #c62828;background:#fff5f5;"
                + "padding:.5rem .8rem\"><b>" + head + "refused</b>; the rules in force (<code>"
                + escape(r.rulesVersion().substring(0, 12)) + "</code>) stay. " + escape(r.message()));
        if (!r.failingCases().isEmpty()) {
            b.append("<ul>");
            r.failingCases().forEach(c -> b.append("<li>").append(escape(c)).append("</li>"));
            b.append("</ul>");
        }
        return b.append("</div>").toString();
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
