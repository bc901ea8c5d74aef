package vn.lgm.compliance.engine.facts;

import vn.lgm.compliance.contract.model.ExportItem;
import vn.lgm.compliance.contract.model.MineralName;
import vn.lgm.compliance.contract.model.Product;

/** One entry of {@code exports[]}, inserted when the project's activities include EXPORT. */
public record ExportLine(int index, ExportItem item) {

    public MineralName mineral() {
        return item.mineral();
    }

    public Product product() {
        return item.product();
    }

    public Double treoPercent() {
        return item.treoPercent();
    }

    public Boolean meetsMoitStandard() {
        return item.meetsMoitStandard();
    }

    public Boolean onPmExportList() {
        return item.onPmExportList();
    }

    public Boolean onMoitExportList() {
        return item.onMoitExportList();
    }

    public Boolean lawfulOrigin() {
        return item.lawfulOrigin();
    }

    public String at(String field) {
        return "exports[" + index + "]." + field;
    }
}
