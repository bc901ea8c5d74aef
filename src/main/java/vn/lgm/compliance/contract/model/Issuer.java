package vn.lgm.compliance.contract.model;

/** Who grants a licence: the Minister (of MoAE, formerly MONRE) or the chair of the provincial People's Committee. */
public enum Issuer { MINISTER, PROVINCIAL_CHAIR }
