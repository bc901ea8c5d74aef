package vn.lgm.compliance.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.lgm.compliance.contract.input.Json;

/** The instruments rules cite, by code (rules/instruments.yaml): LGM, D193, CIR23 ... */
public final class Instruments {

    private final Map<String, String> labels;

    private Instruments(Map<String, String> labels) {
        this.labels = labels;
    }

    public static Instruments load(Path file) {
        if (!Files.exists(file)) {
            throw new RuleLoadException(file + ": missing; it names the instruments rules cite (code: label)");
        }
        try {
            Map<String, String> labels = Json.yaml().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, String>>() {
            });
            return new Instruments(labels);
        } catch (IOException e) {
            throw new RuleLoadException(file + ": " + Json.oneLine(e));
        }
    }

    public boolean knows(String code) {
        return labels.containsKey(code);
    }

    public String label(String code) {
        return labels.get(code);
    }

    public Map<String, String> all() {
        return labels;
    }
}
