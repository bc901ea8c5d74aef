package vn.lgm.compliance.contract.input;

import java.util.List;


/** The body of a 400 response: every problem found in the input, each with its JSON path. */
public record InputErrors(List<InputError> errors) {
}
