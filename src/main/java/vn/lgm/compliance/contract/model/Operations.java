package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Operations(
        Boolean mineDesignSubmitted,
        Boolean mineDirectorNotified,
        Boolean boundaryMarkersHandedOver,
        Boolean weighingStation,
        Boolean camera,
        Boolean landLeaseDecision,
        Boolean monthlyReportsFiled,
        Boolean traceabilityRegistered,
        @Schema(description = "False where the law exempts the mine from having a mine director (LGM Art 62(5); register '-')")
        Boolean mineDirectorRequired,
        @Schema(description = "The holder itself blasts with industrial explosives")
        Boolean usesExplosives,
        @Schema(description = "Industrial-explosives use permit held (Law 42/2024 Art 38)")
        Boolean explosivesPermit,
        @Schema(description = "Water-extraction permit held (Law on Water Resources)")
        Boolean waterPermit,
        @Schema(description = "Mining-safety risk-management plan approved and sent (LGM Art 60)")
        Boolean riskManagementPlan,
        @Schema(description = "Rare-earth geological data handled under the state-secret rules (LGM Art 85a(4))")
        Boolean dataSecrecyCompliant,
        @Schema(description = "Basic construction of the mine has begun (register status 'Đang XDCB', 'Đã XDCB'); null when not recorded")
        Boolean constructionStarted) {

    public static final Operations UNKNOWN = new Operations(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);
}
