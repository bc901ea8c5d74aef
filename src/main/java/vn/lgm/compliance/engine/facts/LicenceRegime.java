package vn.lgm.compliance.engine.facts;

import java.time.LocalDate;
import vn.lgm.compliance.engine.req.Evidence;

/**
 * Derived: the law a licence was issued under, read from its issue date: {@code LAW_60_2010} (the Mineral Law
 * 60/2010), {@code LAW_54_2024} (Law 54/2024 as first enacted), {@code LAW_54_AMENDED} (as amended by Law 147/2025).
 */
public record LicenceRegime(String regime, LocalDate issuedOn, String because) implements Evidence {

    @Override
    public String path() {
        return "licence.issuedOn";
    }

    @Override
    public Object value() {
        return issuedOn;
    }
}
