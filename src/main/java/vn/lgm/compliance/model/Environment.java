package vn.lgm.compliance.model;

public record Environment(Boolean eiaApproved, Boolean environmentalPermit, Boolean rehabilitationPlanApproved,
                          Boolean rehabilitationDepositPaid, Boolean radiationSafetyOpinion,
                          Boolean radiationLicence, Boolean tailingsDesignApproved) {

    public static final Environment UNKNOWN = new Environment(null, null, null, null, null, null, null);
}
