package vn.lgm.compliance.api;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.investor.ReportView;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.investor.WebJson;
import vn.lgm.compliance.investor.CaseCatalogue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

/**
 * The investor page at {@code /}: a guided form over the contract, examples from the case files, and the report,
 * rendered on the server with Qute in English or Vietnamese ({@code ?lang=vi}). The page's script only gathers
 * the form into a description (leaving "don't know" out) and puts the report fragment in place.
 */
@jakarta.ws.rs.Path("/")
@jakarta.annotation.security.PermitAll
public class WebResource {

    private static final String YAML = "application/yaml";
    private static final String HTML = MediaType.TEXT_HTML + ";charset=UTF-8";
    private static final ProjectReader JSON_READER = ProjectReader.json();
    private static final ProjectReader YAML_READER = ProjectReader.yaml();
    private static final Labels TEXTS = Labels.shared();
    private static final FormModel FORM = FormModel.shared();

    /** Examples of one folder, for the page's list. */
    @TemplateData
    public record ExampleGroup(String label, List<CaseCatalogue.Example> cases) {
    }

    @Inject
    vn.lgm.compliance.api.LiveRules live;

    @Inject
    vn.lgm.compliance.api.AssessmentExtras extras;

    @Inject
    @Location("investor/shared.html")
    Template shared;

    @ConfigProperty(name = "cases.dir", defaultValue = "cases")
    String casesDir;

    /** A description in a link inflates to at most what a posted one may hold. */
    @ConfigProperty(name = "http.max-body-size")
    io.quarkus.runtime.configuration.MemorySize description;

    @Inject
    @Location("investor/page.html")
    Template page;

    @Inject
    @Location("investor/report.html")
    Template report;

    @Inject
    @Location("investor/errors.html")
    Template errors;

    @GET
    @Produces(HTML)
    @Operation(summary = "The investor page: a guided form, examples, and the report (?lang=en or vi)")
    public Response page(@QueryParam("lang") String lang) {
        String l = Labels.lang(lang);
        Map<String, List<CaseCatalogue.Example>> byFolder = new LinkedHashMap<>();
        for (CaseCatalogue.Example e : catalogue().examples()) {
            byFolder.computeIfAbsent(e.folder(), k -> new ArrayList<>()).add(e);
        }
        List<ExampleGroup> groups = new ArrayList<>();
        byFolder.forEach((folder, list) -> groups.add(new ExampleGroup(TEXTS.ui(l, "examples.folder." + folder), list)));
        Map<String, String> js = new LinkedHashMap<>();
        TEXTS.ui(l).forEach((k, v) -> {
            if (k.startsWith("js.")) {
                js.put(k.substring(3), v);
            }
        });
        // the link to the full form counts its inputs (a field added to the model adds one)
        int inputs = FORM.sections(l).stream().mapToInt(s -> s.fields().size()).sum();
        String html = page.data("lang", l)
                .data("otherLang", l.equals("vi") ? "en" : "vi")
                .data("t", TEXTS.ui(l))
                .data("fullForm", TEXTS.ui(l, "interview.fullForm").replace("{n}", String.valueOf(inputs)))
                .data("sections", live.localizer(live.rules()).form().sections(l))   // cites in the reader's language
                .data("exampleGroups", groups)
                .data("jsTexts", WebJson.forScript(js))
                .render();
        // a page opened from a shared link (?d=) sends only its origin as Referer, not the description it holds
        return Response.ok(html).type(HTML).header("Referrer-Policy", "origin").build();
    }

    @GET
    @jakarta.ws.rs.Path("ui/cases")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Examples: every case under cases/scenarios and cases/baseline, with its merged project")
    public List<CaseCatalogue.Example> cases() {
        return catalogue().examples();
    }

    @POST
    @jakarta.ws.rs.Path("ui/parse")
    @Consumes({MediaType.APPLICATION_JSON, YAML, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reads a pasted or uploaded description (JSON or YAML) and returns it as the form's JSON, or every problem")
    @APIResponse(responseCode = "200", description = "The description as the form's JSON (empty sections left out)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Project.class)))
    @APIResponse(responseCode = "400", description = "Every problem in the description, each with its path",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response parse(byte[] body, @HeaderParam("Content-Type") String contentType) {
        ProjectReader.Result read = read(body, contentType);
        if (!read.ok()) {
            return Response.status(Response.Status.BAD_REQUEST).entity(new InputErrors(read.errors())).build();
        }
        return Response.ok(WebJson.compact(read.project())).build();
    }

    @POST
    @jakarta.ws.rs.Path("ui/report")
    @Consumes({MediaType.APPLICATION_JSON, YAML})
    @Produces(HTML)
    @Operation(summary = "Assesses a description and returns the report as an HTML fragment (?lang=en or vi)")
    public Response report(byte[] body, @HeaderParam("Content-Type") String contentType, @QueryParam("lang") String lang,
                           @QueryParam("counterfactuals") String counterfactuals) {
        long start = System.nanoTime();
        String l = Labels.lang(lang);
        boolean withCounterfactuals;
        try {
            withCounterfactuals = Requests.flag("counterfactuals", counterfactuals, true);
        } catch (Requests.Refused e) {
            return errorsHtml(400, e.problems, l);
        }
        ProjectReader.Result read = read(body, contentType);
        if (!read.ok()) {
            return errorsHtml(400, read.errors(), l);
        }
        try {
            return Response.ok(reportHtml(read.project(), l, withCounterfactuals, start)).type(HTML).build();
        } catch (Assessor.LimitExceeded e) {
            return errorsHtml(422, List.of(new InputError("$", ErrorMappers.limitMessage(e))), l);
        }
    }

    private Response errorsHtml(int status, List<InputError> problems, String lang) {
        String html = errors.data("t", TEXTS.ui(lang)).data("view", ReportView.errors(problems, lang, TEXTS, FORM)).render();
        return Response.status(status).entity(html).type(HTML).build();
    }

    private String reportHtml(vn.lgm.compliance.contract.model.Project project, String lang, boolean counterfactuals, long start) {
        // one rules version for the assessment and the catalogue it is shown with, even across a hot reload; the search
        // within the same bounds as the API's (its deadline from the request's start, its client)
        Assessor now = live.assessor();
        Assessment a = now.assess(project, Assessor.Options.WITHOUT_TEXTS);
        ReportView view = ReportView.of(a, project, lang, TEXTS, FORM, now.rules().catalogue(), live.localizer(now.rules()),
                ReportView.search(extras.search(), project, counterfactuals, counterfactuals ? extras.bounds(start) : null));
        return report.data("t", TEXTS.ui(lang)).data("r", view).render();
    }

    /**
     * The shareable report: {@code /report?d=<the description>&lang=}. The description is in the URL, so the link
     * reproduces the report (with the law and rules of the day it is opened); printing it gives the PDF. {@code d} is
     * the JSON description deflated and in base64url after {@code z.} (the page writes links so, and large descriptions
     * fit: issue 20), or, in links written before, the JSON in base64url. A {@code d} that cannot be read is a 400 naming
     * it (HTML, or the JSON error body when JSON is asked for).
     */
    @GET
    @jakarta.ws.rs.Path("report")
    @Produces({HTML, MediaType.APPLICATION_JSON})
    @Operation(summary = "The report of a description carried in the URL (d = z. and the deflated JSON description in base64url); print it for a PDF")
    @APIResponse(responseCode = "200", description = "The report, a page to read or print",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "d cannot be read: a page saying why, or with Accept: application/json every problem",
            content = {@Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class))})
    @APIResponse(responseCode = "422", description = "The description is refused by the assessment's limits (the page names the limit)",
            content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response sharedReport(@QueryParam("d") String d, @QueryParam("lang") String lang,
                                 @HeaderParam("Accept") String accept) {
        long start = System.nanoTime();
        String l = Labels.lang(lang);
        boolean json = accept != null && accept.contains(MediaType.APPLICATION_JSON) && !accept.contains("text/html");
        ProjectReader.Result read;
        try {
            read = JSON_READER.read(SharedLink.decode(d, description.asLongValue()));
        } catch (SharedLink.Unreadable e) {
            read = new ProjectReader.Result(null, List.of(new InputError("d", e.getMessage())));
        }
        if (!read.ok() && json) {
            return Response.status(400).entity(new InputErrors(read.errors())).type(MediaType.APPLICATION_JSON).build();
        }
        int status = read.ok() ? 200 : 400;
        String body;
        if (read.ok()) {
            try {
                body = reportHtml(read.project(), l, true, start);
            } catch (Assessor.LimitExceeded e) {
                status = 422;
                body = errors.data("t", TEXTS.ui(l)).data("view", ReportView.errors(
                        List.of(new InputError("$", ErrorMappers.limitMessage(e))), l, TEXTS, FORM)).render();
            }
        } else {
            body = errors.data("t", TEXTS.ui(l)).data("view", ReportView.errors(read.errors(), l, TEXTS, FORM)).render();
        }
        String html = shared.data("lang", l).data("otherLang", l.equals("vi") ? "en" : "vi").data("t", TEXTS.ui(l))
                .data("d", d == null ? "" : d).data("report", body).render();
        // the page's own requests carry only the origin as Referer, not a URL as long as the description it holds
        return Response.status(status).entity(html).type(HTML).header("Referrer-Policy", "origin").build();
    }

    /** Reads a description posted as bytes: UTF-8 strictly, JSON or YAML by its Content-Type (or its first character). */
    private static ProjectReader.Result read(byte[] body, String contentType) {
        ProjectReader reader;
        if (contentType != null && contentType.contains("json")) {
            reader = JSON_READER;
        } else if (contentType != null && contentType.contains("yaml")) {
            reader = YAML_READER;
        } else {
            int first = 0;
            while (body != null && first < body.length && Character.isWhitespace(body[first])) {
                first++;
            }
            reader = body != null && first < body.length && body[first] == '{' ? JSON_READER : YAML_READER;
        }
        return reader.read(body);
    }

    private CaseCatalogue catalogue() {
        return new CaseCatalogue(Path.of(casesDir));
    }
}
