package vn.lgm.compliance.contract.model;

/** Legal areas, in the order of the catalogue (sections (a) to (g), then licence-holder obligations). */
public enum Area { EXPORT, APPROVAL, AUCTION, TECHNOLOGY, ENVIRONMENT, RARE_EARTH, FOREIGN_INVESTMENT, OPERATIONS }
