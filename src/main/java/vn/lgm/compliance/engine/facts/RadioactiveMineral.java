package vn.lgm.compliance.engine.facts;

import java.util.List;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.contract.model.FactValue;
import vn.lgm.compliance.engine.req.Evidence;

/**
 * Derived: a mineral of the project that is radioactive ({@code radioactive} true), or that may be and whose
 * radioactivity is not given ({@code radioactive} null: rare-earth ore usually carries thorium and uranium, so the
 * question stays open). As a condition it holds, or is unknown and asks for the mineral's radioactive flag.
 */
@Asks("minerals.radioactive")
public record RadioactiveMineral(MineralLine line, Boolean radioactive, String because) implements Evidence, Requirement {

    @Override
    public String path() {
        return line.at("name");
    }

    @Override
    public Object value() {
        return line.name();
    }

    @Override
    public Result evaluate(Facts facts) {
        return Result.holdsOrAsks(Boolean.TRUE.equals(radioactive), List.of(new FactValue(path(), value())),
                line.at("radioactive"));
    }
}
