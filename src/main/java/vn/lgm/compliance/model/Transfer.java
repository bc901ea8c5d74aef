package vn.lgm.compliance.model;

/** A transfer of exploration or exploitation rights (read when activities include RIGHTS_TRANSFER). */
public record Transfer(LicenceType rights, Double explorationBudgetSpentPercent, Boolean mineInOperation,
                       Boolean pmApproved, Boolean transfereeQualified) {

    public static final Transfer UNKNOWN = new Transfer(null, null, null, null, null);
}
