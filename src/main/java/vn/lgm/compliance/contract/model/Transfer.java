package vn.lgm.compliance.contract.model;

/** A transfer of exploration or exploitation rights (read when activities include RIGHTS_TRANSFER). */
public record Transfer(LicenceType rights, Double explorationBudgetSpentPercent, Boolean mineInOperation,
                       Boolean pmApproved, Boolean transfereeQualified,
                       @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The transfer has been "
                               + "approved and made (LGM Art 46(3), Art 58(3)); until then a condition of the transfer not "
                               + "yet met is a step still to take (an OBLIGATION), after it a VIOLATION. Added to the contract.")
                       Boolean completed,
                       @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "The authority the "
                               + "transfer dossier was filed with (LGM Art 108(3); NQ 66.19/2026 Appendix VIII). Added to the contract.")
                       Issuer filedWith) {

    public static final Transfer UNKNOWN = new Transfer(null, null, null, null, null, null, null);
}
