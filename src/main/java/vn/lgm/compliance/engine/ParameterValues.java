package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** The legal numbers in force on one date: what the global {@code params} of every rule file reads. */
public final class ParameterValues {

    private final LawParameters parameters;
    private final LocalDate date;
    private final Map<String, Double> numbers = new HashMap<>();

    ParameterValues(LawParameters parameters, LocalDate date, Map<String, Double> overrides) {
        this.parameters = parameters;
        this.date = date;
        parameters.all().forEach((key, p) -> {
            LawParameters.Value v = p.on(date);
            if (v != null) {
                numbers.put(key, v.value().doubleValue());
            }
        });
        numbers.putAll(overrides);
    }

    /** The value of a parameter on this date; a rule asking for an unknown or not-yet-effective one fails loudly. */
    public double number(String key) {
        Double v = numbers.get(key);
        if (v == null) {
            throw new IllegalStateException(parameters.all().containsKey(key)
                    ? "parameter '" + key + "' has no value in force on " + date
                    : "unknown parameter '" + key + "' (rules/parameters.yaml)");
        }
        return v;
    }

    /** The value as text without a trailing ".0", for explanations; says so when none is in force yet. */
    public String text(String key) {
        if (!numbers.containsKey(key) && parameters.all().containsKey(key)) {
            return "[no value in force on " + date + "]";
        }
        double v = number(key);
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
