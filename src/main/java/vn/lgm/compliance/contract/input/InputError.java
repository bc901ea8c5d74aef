package vn.lgm.compliance.contract.input;

/** One problem in an input record: where (a JSON path such as minerals[0].name) and what was expected. */
public record InputError(String path, String message) {
}
