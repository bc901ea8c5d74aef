package vn.lgm.compliance.contract.model;

/** One product the project plans to export (read when activities include EXPORT). lawfulOrigin and onMoitExportList are additions to the contract (Circular 23/2021 Art 4). */
public record ExportItem(MineralName mineral, Product product, Double treoPercent, Boolean meetsMoitStandard,
                         Boolean onPmExportList, String destination, Boolean lawfulOrigin,
                         Boolean onMoitExportList) {
}
