package vn.lgm.compliance.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.common.annotation.Blocking;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.history.HistoryService;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;

/** The history of one licence across runs. */
@Path("/api/v1/licences")
@Blocking
public class LicenceHistoryResource {

    @Inject
    HistoryService history;

    @Inject
    Assessor assessor;

    @GET
    @Path("{number: .+}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "licenceHistory", summary = "One licence across the stored audit runs, oldest first: verdict and findings in each")
    public Response history(@PathParam("number") String number, @QueryParam("lang") String lang) {
        HistoryStore store = history.store();
        List<HistoryStore.StoredRecord> records = store.licence(number);
        if (records.isEmpty()) {
            return AuditHistoryResource.error(Response.Status.NOT_FOUND, "licence " + number + " is in no stored audit");
        }
        RuleNames texts = new RuleNames(assessor.rules());
        String l = AuditHistoryResource.lang(lang);
        List<Map<String, Object>> out = new ArrayList<>();
        for (HistoryStore.StoredRecord r : records) {
            HistoryStore.Run run = store.run(r.runId());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("runId", r.runId());
            m.put("register", run.register());
            // Whether the run completed: a licence's result in an interrupted run is what it was when the run stopped.
            m.put("runState", run.state().name());
            m.put("auditedOn", run.started() == null ? null : run.started().toString());
            m.put("lawAsOf", r.lawAsOf() == null ? null : r.lawAsOf().toString());
            m.put("line", r.line());
            m.put("licence", r.licenceNumber());
            m.put("name", r.name());
            m.put("holder", r.holder());
            m.put("verdict", r.verdict());
            List<Map<String, Object>> findings = new ArrayList<>();
            for (HistoryStore.StoredFinding f : r.findings()) {
                Map<String, Object> x = new LinkedHashMap<>();
                x.put("ruleId", f.ruleId());
                x.put("title", texts.title(f.ruleId(), l));
                x.put("outcome", f.outcome());
                x.put("provision", texts.provision(f.ruleId(), l));
                x.put("facts", f.facts());
                x.put("missingFacts", f.missingFacts());
                findings.add(x);
            }
            m.put("findings", findings);
            out.add(m);
        }
        return Response.ok(out).build();
    }
}
