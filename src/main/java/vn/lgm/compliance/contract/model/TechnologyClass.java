package vn.lgm.compliance.contract.model;

/** Classes of technology under the Law on Technology Transfer 07/2017 Arts 9-11. */
public enum TechnologyClass { ENCOURAGED, UNRESTRICTED, RESTRICTED, PROHIBITED }
