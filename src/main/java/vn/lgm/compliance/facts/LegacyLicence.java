package vn.lgm.compliance.facts;

import java.time.LocalDate;

/** Derived: the licence was granted before Law 54/2024 took effect (1 July 2025), so transitional rules reach it. */
public record LegacyLicence(LocalDate issuedOn) implements Evidence {

    @Override
    public String path() {
        return "licence.issuedOn";
    }

    @Override
    public Object value() {
        return issuedOn;
    }
}
