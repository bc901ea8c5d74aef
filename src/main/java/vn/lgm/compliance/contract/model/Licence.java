package vn.lgm.compliance.contract.model;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record Licence(
        LicenceType type,
        String number,
        Issuer issuedBy,
        LocalDate issuedOn,
        LocalDate expiresOn,
        Allocation allocation,
        NoAuctionBasis noAuctionBasis,
        Boolean pmApproval,
        Boolean investmentPolicyApproved,
        @Schema(description = "Date the licence application was filed (Law 147 Art 4 transitional rules)")
        LocalDate applicationFiledOn,
        @Schema(description = "Number of extensions granted so far")
        Integer extensionCount,
        @Schema(description = "Months added by extensions so far")
        Integer extensionMonths,
        @Schema(description = "The licence states a permitted reserve, a term, an area and a depth (LGM Art 111(2)(c))")
        Boolean statesReserveTermAndArea,
        @Schema(description = "A renewal or re-issue application is pending")
        Boolean renewalPending,
        @Schema(description = "The day the auction ended, if the right was auctioned: the deadlines of LGM Art 104(2) (as amended from 2026) count from it")
        LocalDate auctionWonOn,
        @Schema(description = "The auctioned area had recognised exploration results")
        Boolean areaExplored,
        @Schema(description = "Licensed capacity, cubic metres per year")
        Double capacityM3PerYear,
        @Schema(description = "Licensed capacity, tonnes per year")
        Double capacityTonnesPerYear,
        @Schema(description = "Free-text status or note recorded by the regulator")
        String note,
        @Schema(description = "Months of basic construction the approved feasibility study or mine design sets, counted from the issue date (LGM Art 59(2)(d)); register column TG_XDCB_thang")
        Double constructionMonths,
        @Schema(description = "The day the exploration results the application rests on were recognised: the explorer's priority to apply for the exploitation licence runs from it (LGM Art 48(1))")
        LocalDate explorationResultsRecognisedOn,
        @Schema(description = "The day the area a geological-survey participant chose was delineated a no-auction area: its priority to apply for the exploration licence runs from it (LGM Art 22(2)(c))")
        LocalDate noAuctionAreaDelineatedOn,
        @Schema(description = "The authority the pending renewal (or re-issue) of the licence was filed with (LGM Art 108(3); NQ 66.19/2026 Appendix VIII)")
        Issuer renewalFiledWith,
        @Schema(description = "The application for recognition of the exploration results was filed within six months of the exploration licence's expiry; while the six months run, whether it has been filed (LGM Art 50(3))")
        Boolean resultsRecognitionFiled) {

    public static final Licence UNKNOWN = new Licence(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    public boolean expiredOn(LocalDate date) {
        return expiresOn != null && date != null && expiresOn.isBefore(date);
    }
}
