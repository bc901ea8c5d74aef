package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.MineralName;
import vn.lgm.compliance.engine.req.Evidence;

/** Derived: the group (I to IV) a mineral of the project belongs to (LGM Art 6; D193 Appendix I). */
public record MineralGroup(MineralName mineral, String group, String because) implements Evidence {

    /** The group of one mineral line; {@code reason} follows the mineral's name in the explanation. */
    public MineralGroup(MineralLine line, String group, String reason) {
        this(line.name(), group, line.name() + " " + reason);
    }

    @Override
    public String path() {
        return "derived.mineralGroups";
    }

    @Override
    public Object value() {
        return mineral + ": Group " + group;
    }

    /** The group itself, for {@code derivedOneOf($g, "II")}. */
    @Override
    public Object key() {
        return group;
    }
}
