package vn.lgm.compliance.contract.model;

public record Processing(Boolean integratedWithMining, Product product, Double treoPercent,
                         Boolean facilityPermitted, Boolean moitConsent) {

    public static final Processing UNKNOWN = new Processing(null, null, null, null, null);
}
