package vn.lgm.compliance.model;

public enum LicenceType { EXPLORATION, EXPLOITATION, SALVAGE }
