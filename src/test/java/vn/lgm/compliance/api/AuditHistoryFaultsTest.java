package vn.lgm.compliance.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.regulator.history.HistoryService;
import vn.lgm.compliance.regulator.history.HistoryStore;

/**
 * The audit history over HTTP under faults (issue 20, items 3, 4, 5, 14, 16; issue 21, item 6): a client that
 * disconnects mid-upload leaves its run INTERRUPTED at once with the records whose lines were written; a refused
 * upload stores nothing; runs are compared only within one register and one kind; the summary line carries the
 * verdict counts the history and the report hold; a forward look and a reform are checked against their domains.
 */
@QuarkusTest
class AuditHistoryFaultsTest {

    static final Path DATA = Path.of("data/lao-cai");

    @Inject
    HistoryService history;

    private static byte[] records(int n, long seed) throws Exception {
        Path file = Files.createTempFile("records-", ".jsonl");
        try {
            SyntheticProjects.write(file, n, seed);
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void aClientThatDisconnectsMidUploadLeavesItsRunInterruptedWithTheLinesItWasSent() throws Exception {
        HistoryStore store = history.store();
        long runId;
        int received = 128;
        try (ChunkedUpload upload = new ChunkedUpload(RestAssured.port, "/api/v1/audits?register=disconnecting&detail=lean",
                "application/x-ndjson")) {
            upload.send(records(300, 31)); // and the upload stays open, as a client still sending would
            runId = upload.receiveRecords(received);
        } // the client goes
        while (store.run(runId).state() == HistoryStore.State.RUNNING) {
            Thread.sleep(50);
        }
        HistoryStore.Run run = store.run(runId);
        assertEquals(HistoryStore.State.INTERRUPTED, run.state());
        assertTrue(run.stopped().contains("client disconnected"), run.stopped());
        long stored = store.storedRecords(runId);
        assertEquals(stored, run.assessed() + run.errors(), "the records stored are the lines written");
        assertTrue(stored >= received, "every line the client received is stored: " + stored + " < " + received);
        assertTrue(run.ended() != null);
        // Neither reported, compared nor reformed as if complete.
        Users.regulator().accept("application/json").get("/api/v1/audits/" + runId + "/report").then().statusCode(409)
                .body("errors[0].message", containsString("interrupted after"));
        Users.regulator().get("/api/v1/audits/" + runId + "/changes?since=1").then().statusCode(409);
        Users.regulator().contentType("application/yaml").body("rareEarth.treoMinimumPercent: 85\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/audits/" + runId + "/reform").then().statusCode(409);
        Users.regulator().get("/api/v1/audits/" + runId).then().statusCode(200).body("state", equalTo("INTERRUPTED"))
                .body("complete", equalTo(false));
    }

    @Test
    void aRefusedUploadStoresNothing() throws Exception {
        int before = history.store().runs().size();
        Users.regulator().contentType("text/csv").body("TT,Ten_don_vi\n1,Công ty\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/audits").then().statusCode(400);
        assertEquals(before, history.store().runs().size(), "a refused upload stores no run");
    }

    private static Response post(Path csv, String register) throws Exception {
        return Users.regulator().contentType("text/csv").body(Files.readAllBytes(csv))
                .post("/api/v1/audits?asOf=2026-04-28" + (register == null ? "" : "&register=" + register));
    }

    @Test
    void postedRegistersAreComparedOnlyWithinTheirNameAndKind() throws Exception {
        Path exploration = DATA.resolve("ds-gp-tham-do-yen-bai-6-2025.csv");
        Path followUp = DATA.resolve("theo-doi-phap-ly-mo-khai-thac-4-2026.csv");
        // Unnamed: a follow-up register is not compared with an exploration register posted before it.
        Response e = post(exploration, null);
        e.then().statusCode(200);
        Response f = post(followUp, null);
        f.then().statusCode(200);
        long unnamedFollowUp = Long.parseLong(f.header("X-Audit-Run"));
        HistoryStore.Run previous = history.store().previousRun(unnamedFollowUp);
        assertTrue(previous == null || "CSV: legal follow-up of mines".equals(previous.registerKind()), String.valueOf(previous));
        Response f2 = post(followUp, null);
        long again = Long.parseLong(f2.header("X-Audit-Run"));
        Users.regulator().get("/api/v1/audits/" + again + "/changes").then().statusCode(200)
                .body("sinceRunId", equalTo((int) unnamedFollowUp)).body("newInRegister.size()", equalTo(0))
                .body("goneFromRegister.size()", equalTo(0));
        // Named: the same name on another kind of register is another register.
        post(exploration, "same-name").then().statusCode(200);
        long named = Long.parseLong(post(followUp, "same-name").header("X-Audit-Run"));
        Users.regulator().get("/api/v1/audits/" + named + "/changes").then().statusCode(404)
                .body("errors[0].message", containsString("first complete audit of its register"));
    }

    @Test
    void theSummaryLineCarriesTheVerdictCountsTheReportHolds() throws Exception {
        List<String> lines = post(DATA.resolve("theo-doi-phap-ly-mo-khai-thac-4-2026.csv"), "summary-counts").then().statusCode(200)
                .extract().asString().lines().toList();
        JsonNode summary = Json.json().readTree(lines.get(lines.size() - 1)).get("summary");
        long runId = summary.get("runId").asLong();
        assertTrue(summary.get("recorded").asBoolean());
        JsonNode verdicts = summary.get("verdicts");
        long nc = lines.stream().filter(l -> l.contains("\"verdict\":\"NON_COMPLIANT\"")).count();
        assertEquals(nc, verdicts.get("NON_COMPLIANT").asLong(), "counted from the lines");
        assertEquals(summary.get("assessed").asLong(), verdicts.get("NON_COMPLIANT").asLong() + verdicts.get("INCOMPLETE").asLong()
                + verdicts.get("CONDITIONAL").asLong() + verdicts.get("COMPLIANT").asLong());
        JsonNode report = Json.json().readTree(Users.regulator().accept("application/json").get("/api/v1/audits/" + runId + "/report")
                .then().statusCode(200).extract().asByteArray());
        for (String v : List.of("NON_COMPLIANT", "INCOMPLETE", "CONDITIONAL", "COMPLIANT")) {
            assertEquals(verdicts.get(v).asLong(), report.get("verdictCounts").get(v).asLong(), v);
        }
        Users.regulator().get("/api/v1/audits/" + runId).then().statusCode(200)
                .body("nonCompliant", equalTo(verdicts.get("NON_COMPLIANT").asInt()));
        assertEquals("2026-04-28", report.get("lawAsOf").asText());
    }

    @Test
    void aForwardLookIsReadAsTheCommandReadsIt() throws Exception {
        String id = post(DATA.resolve("ds-gp-tham-do-yen-bai-6-2025.csv"), "horizon").header("X-Audit-Run");
        for (String bad : List.of("-5", "0", "2147483647", "abc", "3661", "90x")) {
            Users.regulator().accept("application/json").get("/api/v1/audits/" + id + "/report?horizon=" + bad).then().statusCode(400)
                    .contentType(containsString("application/json")).body("errors[0].path", equalTo("horizon"))
                    .body("errors[0].message", containsString("expected a forward look of 1 to 3660 days"));
        }
        for (String good : List.of("90", "90d", "12w", "6m", "1y")) {
            Users.regulator().accept("application/json").get("/api/v1/audits/" + id + "/report?horizon=" + good).then().statusCode(200);
        }
        Users.regulator().accept("application/json").get("/api/v1/audits/" + id + "/report?since=abc").then().statusCode(400)
                .body("errors[0].path", equalTo("since"));
    }

    @Test
    void aReformIsCheckedAgainstEachParametersDomainAndEveryRefusalNamesIt() throws Exception {
        String id = post(DATA.resolve("ds-gp-tham-do-yen-bai-6-2025.csv"), "reform").header("X-Audit-Run");
        Map<String, String> refused = Map.of(
                "rareEarth.treoMinimumPercent: -5\n", "rareEarth.treoMinimumPercent",
                "rareEarth.treoMinimumPercent: 200\n", "rareEarth.treoMinimumPercent",
                "rareEarth.treoMinimumPercent: {values: []}\n", "rareEarth.treoMinimumPercent.values",
                "rareEarth.treoMinimumPercent: 85\nrareEarth.treoMinimumPercent: 80\n", "rareEarth.treoMinimumPercent",
                "rareEarth.treoMinimumPercent: {value: 85, form: 2026-07-01}\n", "rareEarth.treoMinimumPercent.form",
                "exploration.maxTermMonths: 1e400\n", "exploration.maxTermMonths",
                "exploration.maxTermMonths: 1.0e+400\n", "exploration.maxTermMonths",
                "exploration.maxExtensions: 1.5\n", "exploration.maxExtensions",
                "no.such.parameter: 1\n", "no.such.parameter");
        refused.forEach((patch, path) -> Users.regulator().contentType("application/yaml").body(patch.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/audits/" + id + "/reform").then().statusCode(400).body("errors[0].path", equalTo(path)));
        Users.regulator().contentType("application/yaml").body("rareEarth.treoMinimumPercent: 85\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/audits/" + id + "/reform").then().statusCode(200);
    }
}
