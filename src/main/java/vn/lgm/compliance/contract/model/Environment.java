package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Environment(Boolean eiaApproved, Boolean environmentalPermit, Boolean rehabilitationPlanApproved,
                          Boolean rehabilitationDepositPaid, Boolean radiationSafetyOpinion,
                          Boolean radiationLicence, Boolean tailingsDesignApproved,
                          @Schema(description = "Exploration uses specialised equipment meeting radiation-safety requirements (D193 Art 28(2))")
                          Boolean radiationSafeEquipment) {

    public static final Environment UNKNOWN = new Environment(null, null, null, null, null, null, null, null);
}
