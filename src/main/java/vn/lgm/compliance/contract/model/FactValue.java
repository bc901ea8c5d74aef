package vn.lgm.compliance.contract.model;

/** One fact a finding rests on: its JSON path in the project description (or under derived.) and its value. */
public record FactValue(String path, Object value) {
}
