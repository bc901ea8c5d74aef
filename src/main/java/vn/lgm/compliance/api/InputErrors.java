package vn.lgm.compliance.api;

import java.util.List;

import vn.lgm.compliance.engine.InputError;

/** The body of a 400 response: every problem found in the input, each with its JSON path. */
public record InputErrors(List<InputError> errors) {
}
