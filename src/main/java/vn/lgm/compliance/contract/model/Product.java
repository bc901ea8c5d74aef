package vn.lgm.compliance.contract.model;

/** Mineral products, from raw ore to finished magnets, in order of processing depth. */
public enum Product {
    ORE, CONCENTRATE, MIXED_CARBONATE, TOTAL_OXIDE, SEPARATED_OXIDE, METAL, ALLOY, MAGNET;

    /** Ore and beneficiated concentrate are "raw" (thô): not yet chemically processed. */
    public boolean isRaw() {
        return this == ORE || this == CONCENTRATE;
    }
}
