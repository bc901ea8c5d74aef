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

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateData;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.investor.ReportView;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.investor.WebJson;
import vn.lgm.compliance.investor.CaseCatalogue;

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
    public String page(@QueryParam("lang") String lang) {
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
        return page.data("lang", l)
                .data("otherLang", l.equals("vi") ? "en" : "vi")
                .data("t", TEXTS.ui(l))
                .data("sections", FORM.sections(l))
                .data("exampleGroups", groups)
                .data("jsTexts", WebJson.forScript(js))
                .render();
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
    public Response parse(String body, @HeaderParam("Content-Type") String contentType) {
        ProjectReader.Result read = reader(body, contentType).read(body == null ? "" : body);
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
    public Response report(String body, @HeaderParam("Content-Type") String contentType, @QueryParam("lang") String lang,
                           @QueryParam("counterfactuals") @jakarta.ws.rs.DefaultValue("true") boolean counterfactuals) {
        String l = Labels.lang(lang);
        ProjectReader.Result read = reader(body, contentType).read(body == null ? "" : body);
        if (!read.ok()) {
            String html = errors.data("t", TEXTS.ui(l)).data("view", ReportView.errors(read.errors(), l, TEXTS, FORM)).render();
            return Response.status(Response.Status.BAD_REQUEST).entity(html).type(HTML).build();
        }
        return Response.ok(reportHtml(read.project(), l, counterfactuals)).type(HTML).build();
    }

    private String reportHtml(vn.lgm.compliance.contract.model.Project project, String lang, boolean counterfactuals) {
        // one rules version for the assessment and the catalogue it is shown with, even across a hot reload
        Assessor now = live.assessor();
        Assessment a = now.assess(project, Assessor.Options.WITHOUT_TEXTS);
        ReportView view = ReportView.of(a, project, lang, TEXTS, FORM, now.rules().catalogue(), live.localizer(now.rules()),
                ReportView.search(extras.search(), project, counterfactuals));
        return report.data("t", TEXTS.ui(lang)).data("r", view).render();
    }

    /**
     * The shareable report: {@code /report?d=<description as base64url JSON>&lang=}. The description is in the URL,
     * so the link reproduces the report (with the law and rules of the day it is opened); printing it gives the PDF.
     */
    @GET
    @jakarta.ws.rs.Path("report")
    @Produces(HTML)
    @Operation(summary = "The report of a description carried in the URL (d = base64url of the JSON description); print it for a PDF")
    public Response sharedReport(@QueryParam("d") String d, @QueryParam("lang") String lang) {
        String l = Labels.lang(lang);
        String json;
        try {
            json = new String(java.util.Base64.getUrlDecoder().decode(d == null ? "" : d.trim()), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            json = "";
        }
        ProjectReader.Result read = JSON_READER.read(json);
        String body = read.ok() ? reportHtml(read.project(), l, true)
                : errors.data("t", TEXTS.ui(l)).data("view", ReportView.errors(read.errors(), l, TEXTS, FORM)).render();
        String html = shared.data("lang", l).data("otherLang", l.equals("vi") ? "en" : "vi").data("t", TEXTS.ui(l))
                .data("d", d == null ? "" : d).data("report", body).render();
        return Response.status(read.ok() ? 200 : 400).entity(html).type(HTML).build();
    }

    private static ProjectReader reader(String body, String contentType) {
        if (contentType != null && contentType.contains("json")) {
            return JSON_READER;
        }
        if (contentType != null && contentType.contains("yaml")) {
            return YAML_READER;
        }
        return body != null && body.stripLeading().startsWith("{") ? JSON_READER : YAML_READER;
    }

    private CaseCatalogue catalogue() {
        return new CaseCatalogue(Path.of(casesDir));
    }
}
