package vn.lgm.compliance.engine.req;

/** A fact that can be shown in a finding: where it is (a JSON path, or derived.*) and its value. */
public interface Evidence {
    String path();

    Object value();

    /** What {@code derivedOneOf} compares: the value, or for a fact whose value is descriptive, its code (a group). */
    default Object key() {
        return value();
    }
}
