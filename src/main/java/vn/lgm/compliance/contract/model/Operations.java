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
        Boolean constructionStarted,
        @Schema(description = "Basic construction of the mine is complete (register status 'Đã XDCB', 'Đang KT', 'Dừng KT'): the schedule of LGM Art 59(2)(d) is kept")
        Boolean constructionCompleted,
        @Schema(description = "Exploration field work began within six months of the exploration licence taking effect; while the six months run, whether it has begun (LGM Art 52(1)(b))")
        Boolean explorationStarted,
        @Schema(description = "The holder's assets were moved out of the area and the site restored within six months of the licence ending; while the six months run, whether that is done (LGM Art 52(3), Art 66(3)(b))")
        Boolean siteRestored,
        @Schema(description = "The mine-closure scheme (or, where LGM Art 82(2) allows, the closure plan) has been approved (LGM Arts 82-84)")
        Boolean closureSchemeApproved,
        @Schema(description = "The mine's status maps and sections were updated to 31 December and filed by 31 January for the last year due (LGM Art 63; TT36 Art 12)")
        Boolean surveyMapsFiled,
        @Schema(description = "The annual mining report for the last year due was filed by 14 February (LGM Art 59(2)(i); TT36 Art 16)")
        Boolean annualReportFiled,
        @Schema(description = "River-bed, lake-bed or sea sand and gravel: the yards and the vessels and equipment that mine and carry it are registered (LGM Art 88(2)(a))")
        Boolean vesselsRegistered,
        @Schema(description = "River-bed, lake-bed or sea sand and gravel: journey monitors fitted to the vessels and connected to the authorities' systems (LGM Art 88(2)(b))")
        Boolean journeyMonitors,
        @Schema(description = "River-bed, lake-bed or sea sand and gravel: a notice board publishes the licence and the mining project (LGM Art 88(2)(d))")
        Boolean noticeBoard,
        @Schema(description = "The mine extracts water at a scale the water-resources law licenses (Law 28/2023 and Decree 54/2024: beyond its small-scale exemptions)")
        Boolean waterAbstractionLicensable) {

    public static final Operations UNKNOWN = new Operations(null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
