package vn.lgm.compliance.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.type.TypeReference;

import vn.lgm.compliance.contract.input.Json;

/**
 * rules/provisions.yaml: every provision of the catalogue, in the catalogue's order, with its status
 * (ENCODED with the rules that implement it, OUT_OF_SCOPE with the reason).
 */
public final class ProvisionRegister {

    public static final String ENCODED = "ENCODED";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Entry(String id, String citation, String status, List<String> rules, String reason) {
        public boolean encoded() {
            return ENCODED.equals(status);
        }
    }

    private record File(LinkedHashMap<String, Entry> provisions) {
    }

    private final List<Entry> entries;
    private final Map<String, List<String>> provisionsByRule = new HashMap<>();

    private ProvisionRegister(List<Entry> entries) {
        this.entries = entries;
        for (Entry e : entries) {
            for (String rule : e.rules()) {
                provisionsByRule.computeIfAbsent(rule, k -> new ArrayList<>()).add(e.id());
            }
        }
    }

    public static ProvisionRegister load(Path file) {
        if (!Files.exists(file)) {
            throw new RuleLoadException(file + ": missing; it accounts for every provision of the catalogue");
        }
        File raw;
        try {
            raw = Json.yaml().readValue(file.toFile(), new TypeReference<File>() {
            });
        } catch (IOException e) {
            throw new RuleLoadException(file + ": " + Json.oneLine(e));
        }
        List<Entry> entries = new ArrayList<>();
        raw.provisions().forEach((id, e) -> entries.add(new Entry(id, e.citation(), e.status(),
                e.rules() == null ? List.of() : List.copyOf(e.rules()), e.reason())));
        return new ProvisionRegister(Collections.unmodifiableList(entries));
    }

    public List<Entry> entries() {
        return entries;
    }

    /** The provision ids a rule implements (empty if no provision lists it). */
    public List<String> provisionsOf(String ruleId) {
        return provisionsByRule.getOrDefault(ruleId, List.of());
    }
}
