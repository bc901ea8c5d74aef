package vn.lgm.compliance.contract.model;

public enum LegalForm { VN_ENTERPRISE, COOPERATIVE, HOUSEHOLD_BUSINESS, FOREIGN_ENTERPRISE, STATE_BODY }
