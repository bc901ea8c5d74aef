package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One product the project plans to export (read when activities include EXPORT). lawfulOrigin and onMoitExportList are
 * additions to the contract (Circular 23/2021 Art 4), and onConstructionExportList and meetsConstructionStandard (the
 * Ministry of Construction's list for construction-material minerals, D193 Art 99(3)(b)).
 */
public record ExportItem(MineralName mineral, Product product, Double treoPercent, Boolean meetsMoitStandard,
                         Boolean onPmExportList, String destination, Boolean lawfulOrigin,
                         Boolean onMoitExportList,
                         @Schema(description = "On the Ministry of Construction's list of construction-material minerals that may be exported (D193 Art 99(3)(b))")
                         Boolean onConstructionExportList,
                         @Schema(description = "Meets the specifications and technical indicators the Ministry of Construction sets for exported construction-material minerals (D193 Art 99(3)(b))")
                         Boolean meetsConstructionStandard) {
}
