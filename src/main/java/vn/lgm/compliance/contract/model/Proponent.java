package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = "foreign", allowSetters = true)
public record Proponent(
        String name,
        LegalForm legalForm,
        Double foreignOwnershipPercent,
        @Schema(description = "Foreign enterprise has a licensed representative office or branch in Vietnam (LGM Art 37(1)(c))")
        Boolean representativeOfficeInVietnam,
        @Schema(description = "Designated or permitted by the State for rare earths (LGM Art 85a(3))")
        Boolean stateDesignated,
        @Schema(description = "Serious violations or criminal prosecution in the last 5 years (D193 Art 109(1))")
        Boolean seriousViolationsLast5Years,
        @Schema(description = "Unpaid fees, taxes or environmental deposits on other licences (LGM Art 103)")
        Boolean outstandingObligations,
        @Schema(description = "Foreign investor selected under an intergovernmental agreement (D193 Art 109(1)(c))")
        Boolean intergovernmentalAgreement,
        @Schema(description = "Foreign investor meets the market-access conditions of investment law (LGM Art 65(1))")
        Boolean marketAccessConditionsMet,
        @Schema(description = "Experience in mining projects (D193 Art 110(1))")
        Boolean miningExperience) {

    public static final Proponent UNKNOWN = new Proponent(null, null, null, null, null, null, null, null, null, null);

}
