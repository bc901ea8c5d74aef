package vn.lgm.compliance.contract.model;

public record Citation(String instrument, String article, String clause, String point, String label) {
}
