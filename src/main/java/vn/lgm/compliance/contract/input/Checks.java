package vn.lgm.compliance.contract.input;

import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;

import vn.lgm.compliance.contract.model.Licence;

/**
 * What a description must satisfy beyond its types, checked on the mapped project with every problem's path:
 * numbers finite and in range (a field named {@code …Percent} 0–100, every other number — areas, amounts,
 * capacities, counts — at least 0), lists no longer than the limit, an expiry not before its issue date, every date
 * from {@link #EARLIEST} to {@link LawSpan#LATEST}, and a licence already issued (stage LICENSED or later) not issued
 * after the assessment date.
 * Walks the records of the model, so a field added to the contract is checked without a change here.
 */
final class Checks {

    private Checks() {
    }

    /** No date of a mining project — a licence, an application, an auction — lies before this one. */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    /** A record type's fields, found once per type (reflection on a record is slow; this runs for every record read). */
    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Field[] out = new Field[components.length];
            for (int i = 0; i < components.length; i++) {
                java.lang.reflect.Method accessor = components[i].getAccessor();
                accessor.setAccessible(true);
                out[i] = new Field(components[i].getName(), accessor);
            }
            return out;
        }
    };

    private record Field(String name, java.lang.reflect.Method accessor) {
    }

    /**
     * Where a value is, built into a path string only when a problem is reported: a description has a hundred
     * fields and almost never a problem.
     */
    private record At(At parent, String name, int index) {
        static final At ROOT = new At(null, null, -1);

        At field(String n) {
            return new At(this, n, -1);
        }

        At entry(int i) {
            return new At(this, null, i);
        }

        String last() {
            return name == null ? "" : name;
        }

        @Override
        public String toString() {
            if (parent == null) {
                return "";
            }
            String p = parent.toString();
            return name == null ? p + "[" + index + "]" : p.isEmpty() ? name : p + "." + name;
        }
    }

    static void check(Object value, String path, Limits limits, List<InputError> errors) {
        At at = At.ROOT;
        if (!path.isEmpty()) {
            at = at.field(path);
        }
        check(value, at, limits, errors);
        if (value instanceof vn.lgm.compliance.contract.model.Project p) {
            issuedByTheAssessmentDate(p, at, errors);
        }
    }

    /**
     * A licence the description says is issued (stage LICENSED or OPERATING) cannot have been issued after the date it
     * is assessed on (the assessment date, or today in Vietnam when none is given): one of the two dates is wrong.
     */
    private static void issuedByTheAssessmentDate(vn.lgm.compliance.contract.model.Project p, At at, List<InputError> errors) {
        Licence l = p.licence();
        if (l == null || l.issuedOn() == null || p.stage() == null
                || !p.stage().atLeast(vn.lgm.compliance.contract.model.Stage.LICENSED)) {
            return;
        }
        LocalDate on = p.assessmentDate() != null ? p.assessmentDate() : LocalDate.now(VIETNAM);
        if (l.issuedOn().isAfter(on)) {
            errors.add(new InputError(at.field("licence").field("issuedOn").toString(), "the licence is issued (stage "
                    + p.stage() + ") but its issue date " + l.issuedOn() + " is after the date it is assessed on, " + on
                    + (p.assessmentDate() != null ? " (assessmentDate)" : " (today; no assessmentDate given)")));
        }
    }

    private static void check(Object value, At at, Limits limits, List<InputError> errors) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            if (list.size() > limits.maxListEntries()) {
                errors.add(new InputError(at.entry(limits.maxListEntries()).toString(), "the list holds " + list.size()
                        + " entries; at most " + limits.maxListEntries() + " are accepted"));
                return;
            }
            for (int i = 0; i < list.size(); i++) {
                check(list.get(i), at.entry(i), limits, errors);
            }
            return;
        }
        if (value instanceof Number n) {
            double d = n.doubleValue();
            if (!Double.isFinite(d)) {
                errors.add(new InputError(at.toString(), "expected a finite number, found " + n));
            } else if (at.last().endsWith("Percent") && (d < 0 || d > 100)) {
                errors.add(new InputError(at.toString(), "expected a percentage from 0 to 100, found " + plain(d)));
            } else if (d < 0) {
                errors.add(new InputError(at.toString(), "expected a number of 0 or more, found " + plain(d)));
            }
            return;
        }
        if (value instanceof LocalDate d) {
            // the assessment date has its own span, the rules' (LawSpan, checked where the rules are known)
            if (!at.last().equals("assessmentDate") && d.isBefore(EARLIEST) || d.isAfter(LawSpan.LATEST)) {
                errors.add(new InputError(at.toString(), "expected a date from " + EARLIEST + " to " + LawSpan.LATEST
                        + ", found " + d));
            }
            return;
        }
        if (value instanceof Licence l && l.issuedOn() != null && l.expiresOn() != null && l.expiresOn().isBefore(l.issuedOn())) {
            errors.add(new InputError(at.field("expiresOn").toString(), "the expiry " + l.expiresOn()
                    + " is before the issue date " + l.issuedOn() + " (licence.issuedOn)"));
        }
        if (value.getClass().isRecord()) {
            for (Field f : FIELDS.get(value.getClass())) {
                try {
                    check(f.accessor().invoke(value), at.field(f.name()), limits, errors);
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
