package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.Mineral;
import vn.lgm.compliance.contract.model.MineralName;

/** One entry of {@code minerals[]}, inserted on its own so rules can match it and name its path. */
public record MineralLine(int index, Mineral mineral) {

    public MineralName name() {
        return mineral.name();
    }

    public Boolean radioactive() {
        return mineral.radioactive();
    }

    public Boolean onStrategicList() {
        return mineral.onStrategicList();
    }

    /** The JSON path of a field of this entry, e.g. {@code minerals[0].radioactive}. */
    public String at(String field) {
        return "minerals[" + index + "]." + field;
    }
}
