package vn.lgm.compliance.contract.model;

/** Amounts in VND. */
public record Finance(Double explorationBudget, Double totalInvestment, Double ownersEquity,
                      Double bankGuarantee, Double financingCommitments) {

    public static final Finance UNKNOWN = new Finance(null, null, null, null, null);
}
