package vn.lgm.compliance.model;

/** One fact a finding rests on: its JSON path in the project description (or under derived.) and its value. */
public record FactValue(String path, Object value) {
}
