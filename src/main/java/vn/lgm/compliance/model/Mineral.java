package vn.lgm.compliance.model;

/** A mineral the project explores, mines, processes or trades. */
public record Mineral(MineralName name, Boolean radioactive, String localName) {
}
