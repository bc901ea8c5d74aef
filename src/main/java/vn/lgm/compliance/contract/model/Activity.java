package vn.lgm.compliance.contract.model;

public enum Activity { EXPLORATION, EXPLOITATION, SALVAGE, PROCESSING, EXPORT, IMPORT, RIGHTS_TRANSFER }
