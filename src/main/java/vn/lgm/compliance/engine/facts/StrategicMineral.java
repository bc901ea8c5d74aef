package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.MineralName;
import vn.lgm.compliance.engine.req.Evidence;

/** Derived: a strategic or important mineral (D193 Art 108(1)); special when LGM Art 85a(1) makes it so. */
public record StrategicMineral(MineralName mineral, boolean special, String because) implements Evidence {

    /** The status of one mineral line; {@code reason} follows the mineral's name in the explanation. */
    public StrategicMineral(MineralLine line, boolean special, String reason) {
        this(line.name(), special, line.name() + " " + reason);
    }

    @Override
    public String path() {
        return special ? "derived.specialStrategic" : "derived.strategic";
    }

    @Override
    public Object value() {
        return mineral;
    }
}
