package vn.lgm.compliance.regulator.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.regulator.history.SharedRules;

/**
 * "What if the TREO threshold were 85 %?": rare-earth mines whose processing reaches 80, 85, 87, 89.99, 90 and 95 %
 * TREO (and one that does not say) audited, then the draft simulated. Exactly the mines from 85 % up to just below
 * 90 % change, and the change is attributed to the deep-processing rule and its provision.
 */
class ReformTest {

    static final Map<String, Double> TREO = new java.util.LinkedHashMap<>();

    static {
        TREO.put("RE-80", 80.0);
        TREO.put("RE-85", 85.0);
        TREO.put("RE-87", 87.0);
        TREO.put("RE-8999", 89.99);
        TREO.put("RE-90", 90.0);
        TREO.put("RE-95", 95.0);
        TREO.put("RE-UNKNOWN", null);
    }

    @TempDir
    static Path dir;

    static Assessor assessor;
    static HistoryStore store;
    static long runId;

    @BeforeAll
    static void audit() throws Exception {
        assessor = SharedRules.assessor();
        store = HistoryStore.open("jdbc:h2:mem:reform-test", null, null);
        ObjectNode base = (ObjectNode) new YAMLMapper().readTree(Path.of("cases/_base/rare-earth-mine.yaml").toFile());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Double> e : TREO.entrySet()) {
            ObjectNode p = base.deepCopy();
            p.put("id", e.getKey());
            ((ObjectNode) p.get("licence")).put("number", e.getKey());
            ObjectNode processing = (ObjectNode) p.get("processing");
            processing.put("product", "TOTAL_OXIDE");
            if (e.getValue() == null) {
                processing.remove("treoPercent");
            } else {
                processing.put("treoPercent", e.getValue());
            }
            lines.add(json.writeValueAsString(p));
        }
        Path in = dir.resolve("rare-earth-mines.jsonl");
        Files.write(in, lines);
        RegulatorAudit.Outcome o = new RegulatorAudit(assessor, store).run(new RegulatorAudit.Request(in,
                dir.resolve("out.ndjson"), null, null, null, null, null, null, null, "en", Set.of()), null);
        runId = o.runId();
        assertEquals(7, o.run().assessed());
    }

    Reform.Report simulate(String patch) {
        return Reform.parse(patch, assessor.rules().parameters()).simulate(assessor, store.records(runId),
                new RuleNames(assessor.rules()), "en");
    }

    @Test
    void aTreoThresholdOf85ChangesExactlyTheMinesBetween85And90() {
        Reform.Report r = simulate("title: 'Draft: TREO 85 %'\nrareEarth.treoMinimumPercent: 85\n");
        Set<String> changed = r.changed().stream().map(Reform.RecordChange::licence).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(List.of("RE-85", "RE-87", "RE-8999")), changed);
        for (Reform.RecordChange c : r.changed()) {
            assertEquals("NON_COMPLIANT", c.verdictNow());
            assertTrue(c.added().isEmpty());
            assertEquals(1, c.removed().size());
            assertEquals("TEC-003", c.removed().get(0).ruleId());
            assertTrue(c.removed().get(0).provision().contains("Decree 193/2025") && c.removed().get(0).provision().contains("110b(1)(d)"),
                    c.removed().get(0).provision());
        }
        assertEquals(1, r.byRule().size());
        assertEquals(3, r.byRule().get(0).removed());
        assertEquals("90 (from 2026-01-16)", r.patches().get(0).current());
        assertEquals("85", r.patches().get(0).draft());
        assertEquals(7, r.records());
    }

    @Test
    void aStricterThresholdCatchesTheMinesBelowIt() {
        Reform.Report r = simulate("rareEarth.treoMinimumPercent: {value: 92}\n");
        Set<String> changed = r.changed().stream().map(Reform.RecordChange::licence).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("RE-90"), changed, "90 % meets today's threshold but not 92 %");
        assertEquals("TEC-003", r.changed().get(0).added().get(0).ruleId());
    }

    @Test
    void aDraftTakingEffectLaterChangesNothingToday() {
        assertTrue(simulate("rareEarth.treoMinimumPercent: {value: 85, from: 2027-01-01}\n").changed().isEmpty());
    }

    @Test
    void anUnknownParameterIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Reform.parse("rareEarth.treoMinimum: 85\n", assessor.rules().parameters()));
        assertTrue(e.getMessage().contains("unknown parameter 'rareEarth.treoMinimum'"), e.getMessage());
    }
}
