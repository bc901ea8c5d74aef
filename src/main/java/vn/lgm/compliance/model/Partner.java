package vn.lgm.compliance.model;

/** A partner of the proponent: technology supplier, equity investor, financier or offtaker. */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "foreign", allowSetters = true)
public record Partner(String name, String country, PartnerRole role, Boolean pmApproved) {

    /** Derived, not part of the contract: hidden from the schema (the API rejects a field "foreign"). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(hidden = true)
    public boolean isForeign() {
        return country != null && !"VN".equalsIgnoreCase(country);
    }
}
