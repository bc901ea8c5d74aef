package vn.lgm.compliance.contract.model;

public enum PartnerRole { TECHNOLOGY, EQUITY, FINANCE, OFFTAKE }
