package vn.lgm.compliance.regulator.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.model.FactValue;

/**
 * A record's result as the history keeps it, in one compact JSON value: what the history needs to compare, report
 * and trace a licence — each finding's rule and outcome, the facts it rests on and the facts it misses — and no
 * text that the rules already hold (titles, citations, explanations are rebuilt from the rule by its id).
 * <pre>
 * {"f": [["stage", "LICENSED"], ["operations.landLeaseDecision", false]],     the facts, each once
 *  "r": [["OPS-002", "VIOLATION", [0, 1], []], ...],                          rule, outcome, facts (by index), missing,
 *                                                                            and for one act on several rules, the others
 *  "a": ["operations.landLeaseDecision"],                                     read as "not done" by convention
 *  "s": true}                                                                 the register records the mine as stopped
 * </pre>
 */
record StoredResult(List<HistoryStore.StoredFinding> findings, List<String> assumed, boolean stopped) {

    private static final StoredResult NONE = new StoredResult(List.of(), List.of(), false);

    static String encode(List<HistoryStore.StoredFinding> findings, List<String> assumed, boolean stopped) {
        if (findings.isEmpty() && (assumed == null || assumed.isEmpty()) && !stopped) {
            return null;
        }
        JsonNodeFactory n = JsonNodeFactory.instance;
        ObjectNode root = n.objectNode();
        ArrayNode facts = root.putArray("f");
        ArrayNode results = root.putArray("r");
        Map<String, Integer> index = new LinkedHashMap<>();
        for (HistoryStore.StoredFinding f : findings) {
            ArrayNode r = results.addArray();
            r.add(f.ruleId());
            r.add(f.outcome());
            ArrayNode refs = r.addArray();
            for (FactValue v : f.facts()) {
                JsonNode value = HistoryJson.MAPPER.valueToTree(v.value());
                String key = v.path() + "\u0000" + value;
                Integer i = index.get(key);
                if (i == null) {
                    i = index.size();
                    index.put(key, i);
                    facts.addArray().add(v.path()).add(value);
                }
                refs.add(i);
            }
            ArrayNode missing = r.addArray();
            f.missingFacts().forEach(missing::add);
            if (!f.otherRules().isEmpty()) {
                ArrayNode others = r.addArray();
                f.otherRules().forEach(others::add);
            }
        }
        if (assumed != null && !assumed.isEmpty()) {
            ArrayNode a = root.putArray("a");
            assumed.forEach(a::add);
        }
        if (stopped) {
            root.put("s", true);
        }
        return root.toString();
    }

    static StoredResult decode(String json) {
        if (json == null) {
            return NONE;
        }
        JsonNode root;
        try {
            root = HistoryJson.MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<FactValue> facts = new ArrayList<>();
        for (JsonNode f : root.path("f")) {
            facts.add(new FactValue(f.get(0).asText(), HistoryJson.MAPPER.convertValue(f.get(1), Object.class)));
        }
        List<HistoryStore.StoredFinding> findings = new ArrayList<>();
        for (JsonNode r : root.path("r")) {
            List<FactValue> rests = new ArrayList<>();
            r.get(2).forEach(i -> rests.add(facts.get(i.asInt())));
            List<String> missing = new ArrayList<>();
            r.get(3).forEach(m -> missing.add(m.asText()));
            List<String> others = new ArrayList<>();
            r.path(4).forEach(o -> others.add(o.asText()));
            findings.add(new HistoryStore.StoredFinding(r.get(0).asText(), r.get(1).asText(), rests, missing, others));
        }
        List<String> assumed = new ArrayList<>();
        root.path("a").forEach(a -> assumed.add(a.asText()));
        return new StoredResult(findings, assumed, root.path("s").asBoolean(false));
    }
}
