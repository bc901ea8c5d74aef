package vn.lgm.compliance.contract.model;

/** Ordered by weight: a violation weighs most, an advisory least. */
public enum Outcome { VIOLATION, INSUFFICIENT_INFORMATION, OBLIGATION, ADVISORY }
