package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.Partner;
import vn.lgm.compliance.contract.model.PartnerRole;

/** One entry of {@code partners[]}. */
public record PartnerLine(int index, Partner partner) {

    public String country() {
        return partner.country();
    }

    public PartnerRole role() {
        return partner.role();
    }

    public Boolean pmApproved() {
        return partner.pmApproved();
    }

    public boolean isForeign() {
        return partner.country() != null && !"VN".equalsIgnoreCase(partner.country());
    }

    public String at(String field) {
        return "partners[" + index + "]." + field;
    }
}
