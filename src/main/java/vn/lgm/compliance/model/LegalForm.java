package vn.lgm.compliance.model;

public enum LegalForm { VN_ENTERPRISE, COOPERATIVE, HOUSEHOLD_BUSINESS, FOREIGN_ENTERPRISE, STATE_BODY }
