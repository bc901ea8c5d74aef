package vn.lgm.compliance.contract.model;

/**
 * A mineral the project explores, mines, processes or trades.
 *
 * @param onStrategicList added to the contract: the mineral is on the list of strategic and important minerals the
 *                        Ministry publishes for the period (D193 Art 108(1)); radioactive minerals and rare earths are
 *                        strategic by the decree itself. Asked only where the list decides (AUC-008).
 */
public record Mineral(MineralName name, Boolean radioactive, String localName,
                      @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "On the Ministry's list of"
                              + " strategic and important minerals for the period (D193 Art 108(1)); radioactive minerals and rare"
                              + " earths are strategic by the decree itself. Added to the contract.")
                      Boolean onStrategicList) {
}
