package vn.lgm.compliance.contract.model;

/** A partner of the proponent: technology supplier, equity investor, financier or offtaker. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "foreign", allowSetters = true)
public record Partner(String name, String country, PartnerRole role, Boolean pmApproved) {
}
