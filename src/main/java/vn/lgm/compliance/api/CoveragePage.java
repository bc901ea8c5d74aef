package vn.lgm.compliance.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import vn.lgm.compliance.lawyer.CoverageRunner;
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
        String text = s.error() != null ? "The coverage could not be computed: " + escape(s.error())
                : escape(progress(s.progress(), s.plan())) + " This page refreshes itself.";
        int max = s.progress().total() > 0 ? s.progress().total() : s.plan() == null ? 0 : s.plan().cases();
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + (s.error() == null ? "<meta http-equiv=\"refresh\" content=\"2\">" : "")
                + "<title>Coverage — computing</title></head><body>" + lastReload() + "<h1>Coverage</h1><p id=\"progress\">"
                + text + "</p>" + (max > 0 ? "<progress max=\"" + max + "\" value=\"" + s.progress().done() + "\"></progress>" : "")
                + "</body></html>";
    }

    /**
     * Where the first run is, with real totals from the start: before it begins, what it will check (the case files
     * counted, the rules and thresholds in force); then each of its three steps with its done and total.
     */
    static String progress(CoverageRunner.Progress p, CoverageService.Plan plan) {
        String of = String.format("%,d of %,d", p.done(), p.total());
        return switch (p.phase()) {
            case "cases" -> "Step 1 of 3: running the cases — " + of + ".";
            case "mutants deciding the gate" -> "Deciding the gate: rerunning what the edit touched.";
            case "rule mutants" -> "Step 2 of 3: switching off each of the " + (plan == null ? "" : plan.rules() + " ")
                    + "rules on the passing cases where it fires — " + of + " runs.";
            case "threshold mutants" -> "Step 3 of 3: nudging each of the " + (plan == null ? "" : plan.thresholds() + " ")
                    + "thresholds just past its value, both ways, on the passing cases — " + of + " runs.";
            case "done" -> "Writing the report.";
            default -> plan == null ? "Computing the coverage in the background." : String.format("Computing the coverage in the background"
                    + " (%s): %,d cases to run, then each of the %,d rules switched off and each of the %,d thresholds nudged"
                    + " both ways on the cases that can notice. Step 1 of 3: running the cases — 0 of %,d.",
                    p.phase(), plan.cases(), plan.rules(), plan.thresholds(), plan.cases());
        };
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
