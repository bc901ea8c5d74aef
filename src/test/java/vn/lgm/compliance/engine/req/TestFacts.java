package vn.lgm.compliance.engine.req;

import java.time.LocalDate;
import java.util.Map;

/** Facts for the vocabulary's tests: values, parameters (an unknown one throws), bounds on dates not given; today is 1 March 2026. */
final class TestFacts {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 1);

    private TestFacts() {
    }

    /** Facts with values, parameters, bounds on dates not given, and the smallest value of a parameter since a date. */
    static Facts of(Map<String, Object> values, Map<String, Double> params, Map<String, LocalDate> latest,
                    Map<String, LocalDate> earliest, double smallest, boolean everyIssueInReach) {
        return new Facts() {
            @Override
            public Object value(String path) {
                return values.get(path);
            }

            @Override
            public double parameter(String key) {
                Double v = params.get(key);
                if (v == null) {
                    throw new IllegalStateException(key);
                }
                return v;
            }

            @Override
            public LocalDate today() {
                return TODAY;
            }

            @Override
            public LocalDate latest(String datePath) {
                return latest.get(datePath);
            }

            @Override
            public LocalDate earliest(String datePath) {
                return earliest.get(datePath);
            }

            @Override
            public double smallestParameter(String key, LocalDate from) {
                return Math.min(smallest, parameter(key));
            }

            @Override
            public boolean everyIssueInReach() {
                return everyIssueInReach;
            }
        };
    }

    static Facts of(Map<String, Object> values, Map<String, Double> params) {
        return of(values, params, Map.of(), Map.of(), Double.MAX_VALUE, false);
    }
}
