package vn.lgm.compliance.contract.model;

/** How the mining right was allocated: by auction, in a no-auction area, under transitional rules, or directly. */
public enum Allocation { AUCTION, NO_AUCTION_AREA, TRANSITIONAL, DIRECT }
