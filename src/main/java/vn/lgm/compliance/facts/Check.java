package vn.lgm.compliance.facts;

/**
 * A requirement the rule computes itself (a threshold, an allowed value): the fact at {@code path} has
 * {@code value}, and {@code met} says whether it satisfies the law. A null value is an unknown fact.
 */
public record Check(String path, Object value, boolean met) implements Evidence {

    public static Check that(String path, Object value, boolean met) {
        return new Check(path, value, met);
    }
}
