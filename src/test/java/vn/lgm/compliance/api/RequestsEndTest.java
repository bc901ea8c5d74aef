package vn.lgm.compliance.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.investor.CounterfactualSearch;
import vn.lgm.compliance.investor.Counterfactuals;

/**
 * Every request ends, and stops working when its client leaves (issue 20, item 8). A 15 KB description of 50 minerals,
 * exports and partners asks for counterfactuals; its search would run thousands of assessments. The client hangs up
 * once the search is under way: once the service has seen it leave, not one more assessment starts, and the search
 * ends long before its budget. What is counted: the search's own assessments; nothing depends on a clock (the test
 * profile's deadline is ten minutes, so only the client's leaving can stop it here).
 */
@QuarkusTest
class RequestsEndTest {

    @Inject
    AssessmentExtras extras;

    /** The contract's example with 50 minerals, 50 exports and 50 partners, each a little different. */
    static String largeDescription() throws Exception {
        ObjectNode p = (ObjectNode) Json.json().readTree(Files.readString(Path.of("examples/rare-earth-proposal.json")));
        ArrayNode minerals = p.putArray("minerals");
        ArrayNode exports = p.putArray("exports");
        ArrayNode partners = p.putArray("partners");
        String[] names = {"RARE_EARTH", "TIN", "TUNGSTEN", "COPPER", "IRON"};
        for (int i = 0; i < 50; i++) {
            minerals.addObject().put("name", names[i % names.length]).put("radioactive", i % 7 == 0);
            exports.addObject().put("mineral", names[i % names.length]).put("product", i % 2 == 0 ? "CONCENTRATE" : "ORE")
                    .put("treoPercent", 40 + i % 50).put("meetsMoitStandard", i % 3 == 0).put("onPmExportList", i % 4 == 0)
                    .put("destination", i % 2 == 0 ? "CN" : "KR");
            partners.addObject().put("name", "Partner " + i).put("country", i % 2 == 0 ? "KR" : "JP")
                    .put("role", "TECHNOLOGY").put("pmApproved", i % 5 == 0);
        }
        return p.toString();
    }

    @Test
    void aSearchStopsWhenItsClientHangsUp() throws Exception {
        CounterfactualSearch search = extras.search();
        long before = search.assessmentsMade();
        long clientLeftBefore = search.stopped(Counterfactuals.StoppedBy.CLIENT_LEFT);
        long seenLeaving = ClientWatch.LEFT.sum();
        byte[] body = largeDescription().getBytes(StandardCharsets.UTF_8);
        assertTrue(body.length > 10_000, "a large description: " + body.length + " bytes");
        try (RawHttp http = new RawHttp()) {
            http.send("POST /api/v1/assessments?counterfactuals=true HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n");
            http.out.write(body);
            http.out.flush();
            // wait (by counting, bounded) until the search is under way
            for (int i = 0; i < 60_000 && search.assessmentsMade() < before + 3; i++) {
                Thread.sleep(5);
            }
            assertTrue(search.assessmentsMade() >= before + 3, "the search started");
            assertEquals(1, search.running(), "one search under way");
        } // the client hangs up
        for (int i = 0; i < 60_000 && ClientWatch.LEFT.sum() == seenLeaving; i++) {
            Thread.sleep(5);
        }
        assertEquals(seenLeaving + 1, ClientWatch.LEFT.sum(), "the service saw the client leave");
        long atLeaving = search.assessmentsMade();
        for (int i = 0; i < 60_000 && search.running() > 0; i++) {
            Thread.sleep(5);
        }
        assertEquals(0, search.running(), "the search has ended");
        long after = search.assessmentsMade();
        assertTrue(after - atLeaving <= 1, "assessments started after the service saw the client leave: " + (after - atLeaving));
        assertEquals(clientLeftBefore + 1, search.stopped(Counterfactuals.StoppedBy.CLIENT_LEFT), "stopped because the client left");
        assertTrue(after - before < CounterfactualSearch.BUDGET, "stopped long before its budget: " + (after - before));
    }
}
