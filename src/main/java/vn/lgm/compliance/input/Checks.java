package vn.lgm.compliance.input;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

import vn.lgm.compliance.model.Licence;

/**
 * What a description must satisfy beyond its types, checked on the mapped project with every problem's path:
 * numbers finite and in range (a field named {@code …Percent} 0–100, every other number — areas, amounts,
 * capacities, counts — at least 0), lists no longer than the limit, an expiry not before its issue date.
 * Walks the records of the model, so a field added to the contract is checked without a change here.
 */
final class Checks {

    private Checks() {
    }

    static void check(Object value, String path, Limits limits, List<InputError> errors) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            if (list.size() > limits.maxListEntries()) {
                errors.add(new InputError(path + "[" + limits.maxListEntries() + "]", "the list holds " + list.size()
                        + " entries; at most " + limits.maxListEntries() + " are accepted"));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), path + "[" + i + "]", limits, errors);
            }
            return;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            String field = path.substring(path.lastIndexOf('.') + 1);
            if (!Double.isFinite(d)) {
                errors.add(new InputError(path, "expected a finite number, found " + n));
            } else if (field.endsWith("Percent") && (d < 0 || d > 100)) {
                errors.add(new InputError(path, "expected a percentage from 0 to 100, found " + plain(d)));
            } else if (d < 0) {
                errors.add(new InputError(path, "expected a number of 0 or more, found " + plain(d)));
            }
            return;
        }
        if (value instanceof Licence l && l.issuedOn() != null && l.expiresOn() != null && l.expiresOn().isBefore(l.issuedOn())) {
            errors.add(new InputError(path + (path.isEmpty() ? "" : ".") + "expiresOn", "the expiry " + l.expiresOn()
                    + " is before the issue date " + l.issuedOn() + " (licence.issuedOn)"));
        }
        if (value.getClass().isRecord()) {
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                try {
                    check(c.getAccessor().invoke(value), path.isEmpty() ? c.getName() : path + "." + c.getName(), limits, errors);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** 150 rather than 150.0. */
    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** Whether a date lies in a span (both ends inclusive). */
    static boolean within(LocalDate date, LocalDate from, LocalDate to) {
        return !date.isBefore(from) && !date.isAfter(to);
    }
}
