package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.MineralName;
import vn.lgm.compliance.engine.req.Evidence;

/**
 * Derived: the project's principal mineral group, the most senior group among its minerals (I before II, III, IV),
 * so that a rule about "the project's group" gives one finding for a project with several minerals.
 */
public record PrincipalGroup(MineralName mineral, String group) implements Evidence {

    @Override
    public String path() {
        return "derived.principalGroup";
    }

    @Override
    public Object value() {
        return group;
    }
}
