package vn.lgm.compliance.engine.facts;

import java.util.List;

import vn.lgm.compliance.engine.req.Facts;
import vn.lgm.compliance.engine.req.Requirement;
import vn.lgm.compliance.engine.req.Result;
import vn.lgm.compliance.engine.req.Tri;

/**
 * Derived: a mineral of the project the law's groups do not place (named OTHER, or not named), so it may be of any
 * group (LGM Art 6). As a condition "it is Group I" (or any group) it is unknown and asks for the mineral's name.
 */
public record UnclassifiedMineral(MineralLine line) implements Requirement {

    @Override
    public Result evaluate(Facts facts) {
        return new Result(Tri.UNKNOWN, List.of(), List.of(line.at("name")));
    }
}
