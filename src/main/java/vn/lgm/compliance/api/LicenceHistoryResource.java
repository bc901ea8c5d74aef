package vn.lgm.compliance.api;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import io.smallrye.common.annotation.Blocking;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.history.HistoryJson;
import vn.lgm.compliance.regulator.history.HistoryService;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;

/** The history of one licence across runs. */
@Path("/api/v1/licences")
@Blocking
@jakarta.annotation.security.RolesAllowed("regulator")
public class LicenceHistoryResource {

    /** The licence in one stored run. */
    @Schema(name = "LicenceInRun")
    public record InRun(long runId, String register, String auditedOn, String lawAsOf, long line, String licence, String name,
                        String holder, @Schema(description = "null when the record could not be read") String verdict,
                        List<RunFinding> findings) {
    }

    /** One finding of the licence in a run, named in the reader's language. */
    @Schema(name = "LicenceFinding")
    public record RunFinding(String ruleId, String title, String outcome, String provision, List<FactValue> facts,
                             List<String> missingFacts,
                             @Schema(description = "A finding about one act resting on several rules: the others, most specific first")
                             List<OtherRule> otherRules) {
    }

    /** Another rule of a finding about one act. */
    public record OtherRule(String ruleId, String title, String provision) {
    }

    @Inject
    HistoryService history;

    @Inject
    Assessor assessor;

    @GET
    @Path("{number: .+}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "licenceHistory", summary = "One licence across the stored audit runs, oldest first: verdict and findings in each")
    @APIResponse(responseCode = "200", description = "The licence in each stored run that has it, oldest first",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = InRun.class)))
    @APIResponse(responseCode = "404", description = "No stored run has this licence",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = InputErrors.class)))
    public Response history(@PathParam("number") String number, @QueryParam("lang") String lang) {
        HistoryStore store = history.store();
        List<HistoryStore.StoredRecord> records = store.licence(number);
        if (records.isEmpty()) {
            return AuditHistoryResource.error(Response.Status.NOT_FOUND, "licence " + number + " is in no stored audit");
        }
        RuleNames texts = new RuleNames(assessor.rules());
        String l = AuditHistoryResource.lang(lang);
        List<InRun> out = new ArrayList<>();
        for (HistoryStore.StoredRecord r : records) {
            HistoryStore.Run run = store.run(r.runId());
            List<RunFinding> findings = new ArrayList<>();
            for (HistoryStore.StoredFinding f : r.findings()) {
                findings.add(new RunFinding(f.ruleId(), texts.title(f.ruleId(), l), f.outcome(), texts.provision(f.ruleId(), l),
                        HistoryJson.facts(f.factsJson()), HistoryJson.strings(f.missingFactsJson()),
                        f.otherRules().stream().map(id -> new OtherRule(id, texts.title(id, l), texts.provision(id, l))).toList()));
            }
            out.add(new InRun(r.runId(), run.register(), run.started() == null ? null : run.started().toString(),
                    r.lawAsOf() == null ? null : r.lawAsOf().toString(), r.line(), r.licenceNumber(), r.name(), r.holder(),
                    r.verdict(), findings));
        }
        return Response.ok(out).build();
    }
}
