package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.Issuer;
import vn.lgm.compliance.engine.req.Evidence;

/** Derived: who has power to license the project (LGM Art 108). */
public record LicensingAuthority(Issuer authority, String because) implements Evidence {

    @Override
    public String path() {
        return "derived.licensingAuthority";
    }

    @Override
    public Object value() {
        return authority;
    }
}
