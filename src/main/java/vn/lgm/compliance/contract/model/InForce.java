package vn.lgm.compliance.contract.model;

import java.time.LocalDate;

/** The dates a rule is in force; {@code to} is null while it still is. Both ends are inclusive. */
public record InForce(LocalDate from, LocalDate to) {

    public boolean on(LocalDate date) {
        return !date.isBefore(from) && (to == null || !date.isAfter(to));
    }
}
