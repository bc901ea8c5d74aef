package vn.lgm.compliance.model;

public record Citation(String instrument, String article, String clause, String point, String label) {
}
