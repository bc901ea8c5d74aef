package vn.lgm.compliance.facts;

import java.util.List;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.engine.req.Tri;
import vn.lgm.compliance.model.FactValue;

/**
 * Transitional: a requirement a rule computes itself (the fact at {@code path} has {@code value}, and {@code met}
 * says whether it satisfies the law); a null value is unknown. Replaced by the vocabulary of Requirements.
 */
@Deprecated
public record Check(String path, Object value, boolean met) implements Evidence, Requirement {

    public static Check that(String path, Object value, boolean met) {
        return new Check(path, value, met);
    }

    @Override
    public Result evaluate(Facts facts) {
        if (value == null) {
            return new Result(Tri.UNKNOWN, List.of(), List.of(path));
        }
        return new Result(Tri.of(met), List.of(new FactValue(path, value)), List.of());
    }
}
