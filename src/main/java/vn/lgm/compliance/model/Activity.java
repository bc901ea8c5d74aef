package vn.lgm.compliance.model;

public enum Activity { EXPLORATION, EXPLOITATION, SALVAGE, PROCESSING, EXPORT, IMPORT, RIGHTS_TRANSFER }
