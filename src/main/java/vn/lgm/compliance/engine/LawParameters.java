package vn.lgm.compliance.engine;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.lgm.compliance.contract.input.Json;

/**
 * Every legal number in one file (rules/parameters.yaml), keyed by the date each value took effect and each value
 * with its citation, as OpenFisca keeps them. Rules read numbers through {@link ParameterValues#number(String)}; none is
 * written in a rule.
 */
public final class LawParameters {

    public record Value(LocalDate from, BigDecimal value, String citation) {
    }

    public record Parameter(String key, String title, String unit, List<Value> values) {

        /** The value in force on the date, or null before the first one took effect. */
        public Value on(LocalDate date) {
            Value found = null;
            for (Value v : values) {
                if (!v.from().isAfter(date)) {
                    found = v;
                }
            }
            return found;
        }
    }

    private final Map<String, Parameter> parameters;
    private final Map<LocalDate, ParameterValues> resolved = new ConcurrentHashMap<>();

    private LawParameters(Map<String, Parameter> parameters) {
        this.parameters = parameters;
    }

    public static LawParameters load(Path file) {
        if (!Files.exists(file)) {
            throw new RuleLoadException(file + ": missing; it holds the dated legal thresholds rules read");
        }
        Map<String, Parameter> raw;
        try {
            raw = Json.yaml().readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Parameter>>() {
            });
        } catch (IOException e) {
            throw new RuleLoadException(file + ": " + Json.oneLine(e));
        }
        Map<String, Parameter> checked = new LinkedHashMap<>();
        raw.forEach((key, p) -> {
            if (p.values() == null || p.values().isEmpty()) {
                throw new RuleLoadException(file + ": parameter '" + key + "' has no values");
            }
            for (Value v : p.values()) {
                if (v.from() == null || v.value() == null || v.citation() == null) {
                    throw new RuleLoadException(file + ": parameter '" + key + "': every value needs from, value and citation");
                }
            }
            List<Value> sorted = p.values().stream().sorted(Comparator.comparing(Value::from)).toList();
            checked.put(key, new Parameter(key, p.title(), p.unit(), sorted));
        });
        return new LawParameters(checked);
    }

    public Map<String, Parameter> all() {
        return parameters;
    }

    /** The numbers in force on a date (cached: assessments cluster on few dates). */
    public ParameterValues at(LocalDate date) {
        return resolved.computeIfAbsent(date, d -> new ParameterValues(this, d, Map.of()));
    }

    /** The numbers in force on a date with some values replaced, for mutation testing of thresholds. */
    public ParameterValues at(LocalDate date, Map<String, Double> overrides) {
        return overrides.isEmpty() ? at(date) : new ParameterValues(this, date, overrides);
    }
}
