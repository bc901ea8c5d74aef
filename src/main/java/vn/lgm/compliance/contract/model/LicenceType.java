package vn.lgm.compliance.contract.model;

public enum LicenceType { EXPLORATION, EXPLOITATION, SALVAGE }
