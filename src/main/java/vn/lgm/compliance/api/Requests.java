package vn.lgm.compliance.api;

import java.util.List;

import jakarta.ws.rs.core.Response;

import vn.lgm.compliance.contract.input.InputError;

/**
 * What the resources read from a request besides its body, read as written (issue 20): a query flag is {@code true}
 * or {@code false}, not "anything but true" (JAX-RS reads {@code ?counterfactuals=yes} as false).
 */
final class Requests {

    /** A request refused with a status and every problem, each with its path: answered as the JSON error body. */
    static final class Refused extends RuntimeException {
        final Response.Status status;
        final List<InputError> problems;

        Refused(Response.Status status, List<InputError> problems) {
            super(problems.isEmpty() ? status.toString() : problems.get(0).message(), null, false, false);
            this.status = status;
            this.problems = problems;
        }
    }

    private Requests() {
    }

    /** A query flag: absent or empty is false; otherwise {@code true} or {@code false}, or a 400 naming the parameter. */
    static boolean flag(String name, String value) {
        return flag(name, value, false);
    }

    static boolean flag(String name, String value, boolean absent) {
        if (value == null || value.isEmpty()) {
            return absent;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new Refused(Response.Status.BAD_REQUEST, List.of(new InputError(name, "expected true or false, found '"
                + (value.length() > 80 ? value.substring(0, 80) + "…" : value) + "'")));
    }
}
