package vn.lgm.compliance.model;

public enum PartnerRole { TECHNOLOGY, EQUITY, FINANCE, OFFTAKE }
