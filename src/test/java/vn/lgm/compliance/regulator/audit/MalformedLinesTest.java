package vn.lgm.compliance.regulator.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.contract.input.Json;

/** A JSON Lines file with 1 % malformed lines gives exactly one output line per input line, in input order. */
class MalformedLinesTest {

    @TempDir
    Path dir;

    @Test
    void onePercentMalformedLinesAreReportedAndNothingIsLost() throws Exception {
        Path good = dir.resolve("good.jsonl");
        SyntheticProjects.write(good, 2000, 7);
        List<String> lines = new ArrayList<>(Files.readAllLines(good, StandardCharsets.UTF_8));
        String[] breakages = {
            "{\"id\": \"BROKEN-%d\", \"stage\": ",                            // truncated JSON
            "{\"id\": \"BROKEN-%d\", \"stage\": \"SOON\"}",                   // value outside the enum
            "{\"id\": \"BROKEN-%d\", \"licence\": {\"expiresOn\": \"31/12/2030\"}}", // date in the wrong format
            "{\"name\": \"no id %d\"}",                                       // missing id
            "[%d]",                                                           // not an object
        };
        java.util.Map<Integer, Integer> broken = new java.util.HashMap<>();
        for (int i = 0; i < 20; i++) {
            int at = 37 + i * 97;
            lines.set(at, String.format(breakages[i % breakages.length], at));
            broken.put(at, i % breakages.length);
        }
        Path in = dir.resolve("mixed.jsonl");
        Files.write(in, lines, StandardCharsets.UTF_8);
        Path out = dir.resolve("out.ndjson");
        RunInfo run = new Audit(Rules.assessor()).run(in, out, dir.resolve("report.html"), null, null, null, null);
        List<String> results = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(2000, results.size());
        assertEquals(2000, run.records());
        assertEquals(20, run.errors());
        assertEquals(1980, run.assessed());
        for (int i = 0; i < results.size(); i++) {
            JsonNode r = Json.json().readTree(results.get(i));
            if (broken.containsKey(i)) {
                assertEquals(i + 1, r.get("line").asInt(), "error names its line");
                assertTrue(r.get("errors").size() > 0 && r.get("errors").get(0).has("path"));
                if (broken.get(i) < 3) {
                    assertTrue(r.get("id").asText().startsWith("BROKEN-"), "error names its record: " + r);
                }
            } else {
                assertEquals("SYN-" + i, r.get("projectId").asText(), "output in input order");
            }
        }
        JsonNode manifest = Json.json().readTree(Audit.manifestPath(out).toFile());
        assertEquals(20, manifest.get("errors").asInt());
        JsonNode report = Json.json().readTree(dir.resolve("report.json").toFile());
        assertEquals(20, report.get("errorRecords").size());
    }
}
