package vn.lgm.compliance.contract.model;

public record Technology(Boolean foreignTransfer, Boolean transferContractRegistered,
                         TechnologyClass classification, Boolean transferLicence, Boolean automation) {

    public static final Technology UNKNOWN = new Technology(null, null, null, null, null);
}
