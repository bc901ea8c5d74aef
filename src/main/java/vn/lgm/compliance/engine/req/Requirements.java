package vn.lgm.compliance.engine.req;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import vn.lgm.compliance.contract.model.FactValue;

/**
 * The requirement vocabulary of the rules: each function states one requirement on the facts of a description,
 * evaluated in three values (true, false, unknown; Kleene logic). Facts are named by their JSON path
 * ({@code "environment.eiaApproved"}, or {@code $x.at("product")} for a list entry); numbers by their key in
 * {@code rules/parameters.yaml}. An unknown fact makes a requirement unknown only where its answer could still
 * change it: {@code eitherOf} is met when one alternative is true whatever the others, a term inside its base
 * length is met whatever the extensions. Rules import these with {@code import function}.
 */
public final class Requirements {

    private Requirements() {
    }

    // ---- one fact -------------------------------------------------------------------------------------------

    /** The fact is given (shown in the finding); unknown otherwise. A condition, rarely a requirement. */
    public static Requirement known(String path) {
        return test(path, v -> true);
    }

    /** The fact is true. */
    public static Requirement isTrue(String path) {
        return test(path, Boolean.TRUE::equals);
    }

    /** The fact is false. */
    public static Requirement isFalse(String path) {
        return test(path, Boolean.FALSE::equals);
    }

    /** The fact is one of these values (enum constants, or their names). */
    public static Requirement oneOf(String path, Object... values) {
        return test(path, v -> matchesAny(v, values));
    }

    /** The fact is none of these values (enum constants, or their names). */
    public static Requirement noneOf(String path, Object... values) {
        return test(path, v -> !matchesAny(v, values));
    }

    /** The number is at least the parameter's value. */
    public static Requirement atLeast(String path, String parameter) {
        return facts -> {
            Object v = facts.value(path);
            return v == null ? missing(path)
                    : Result.known(number(v) >= facts.parameter(parameter), new FactValue(path, v));
        };
    }

    /** The number is at most the parameter's value. */
    public static Requirement atMost(String path, String parameter) {
        return facts -> {
            Object v = facts.value(path);
            return v == null ? missing(path)
                    : Result.known(number(v) <= facts.parameter(parameter), new FactValue(path, v));
        };
    }

    /** The number is at least the parameter's percentage of another number: {@code path ≥ base × parameter / 100}. */
    public static Requirement atLeastShareOf(String path, String basePath, String percentParameter) {
        return covers(basePath, percentParameter, path);
    }

    /**
     * The amounts together reach the parameter's percentage of the base. Amounts are never negative, so the known
     * ones alone can show it met; it is shown short only when every amount is known.
     */
    public static Requirement covers(String basePath, String percentParameter, String... amountPaths) {
        return facts -> {
            List<FactValue> shown = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            Object base = facts.value(basePath);
            if (base != null) {
                shown.add(new FactValue(basePath, base));
            }
            double sum = 0;
            for (String p : amountPaths) {
                Object v = facts.value(p);
                if (v == null) {
                    missing.add(p);
                } else {
                    shown.add(new FactValue(p, v));
                    sum += number(v);
                }
            }
            if (base == null) {
                // A base large enough falls short whatever the amounts, and an unknown amount may be nil.
                missing.add(0, basePath);
                return Result.unknown(shown, missing);
            }
            double required = number(base) * facts.parameter(percentParameter) / 100;
            if (sum >= required) {
                return new Result(Tri.TRUE, shown, List.of());
            }
            return missing.isEmpty() ? new Result(Tri.FALSE, shown, List.of()) : Result.unknown(shown, missing);
        };
    }

    /** The date is not before the assessment date (a licence not yet expired). */
    public static Requirement notBeforeToday(String datePath) {
        return facts -> {
            Object v = facts.value(datePath);
            return v == null ? missing(datePath)
                    : Result.known(!((LocalDate) v).isBefore(facts.today()), new FactValue(datePath, v));
        };
    }

    /**
     * The later date falls no later than the period the parameter gives after the earlier one (a deadline counted
     * from an event). The parameter's key ends in Days, Months or Years.
     */
    public static Requirement within(String laterPath, String earlierPath, String periodParameter) {
        return facts -> {
            Object later = facts.value(laterPath);
            Object earlier = facts.value(earlierPath);
            List<FactValue> shown = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            note(earlierPath, earlier, shown, missing);
            note(laterPath, later, shown, missing);
            if (!missing.isEmpty()) {
                return Result.unknown(shown, missing);
            }
            LocalDate limit = plus((LocalDate) earlier, facts.parameter(periodParameter), periodParameter);
            return new Result(Tri.of(!((LocalDate) later).isAfter(limit)), shown, List.of());
        };
    }

    /**
     * A licence's term is within the law's: the span from issue to expiry is at most the base term plus the time
     * extensions have actually added, and the extensions add at most the law's maximum. A span within the base term
     * is met whatever the extensions; a span beyond the base plus the maximum extension fails whatever they are; in
     * between, the extensions decide. Parameter keys end in Months or Years.
     */
    public static Requirement termWithin(String issuedPath, String expiresPath, String termParameter,
            String maxExtensionParameter, String extensionMonthsPath) {
        return termWithin(issuedPath, expiresPath, termParameter, maxExtensionParameter, extensionMonthsPath, null, null);
    }

    /** As {@link #termWithin(String, String, String, String, String)}, with at most so many extensions. */
    public static Requirement termWithin(String issuedPath, String expiresPath, String termParameter,
            String maxExtensionParameter, String extensionMonthsPath, String extensionCountPath, String maxCountParameter) {
        return facts -> {
            Object issued = facts.value(issuedPath);
            Object expires = facts.value(expiresPath);
            List<FactValue> shown = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            note(issuedPath, issued, shown, missing);
            note(expiresPath, expires, shown, missing);
            if (issued == null && expires != null && facts.earliestIssue() != null
                    && !((LocalDate) expires).isAfter(plus(facts.earliestIssue(), facts.parameter(termParameter), termParameter))) {
                // Even a licence issued on the first day the rule reaches runs within the base term by this expiry.
                return new Result(Tri.TRUE, shown, List.of());
            }
            if (!missing.isEmpty()) {
                return Result.unknown(shown, missing);
            }
            LocalDate base = plus((LocalDate) issued, facts.parameter(termParameter), termParameter);
            if (!((LocalDate) expires).isAfter(base)) {
                return new Result(Tri.TRUE, shown, List.of());
            }
            double maxMonths = months(facts.parameter(maxExtensionParameter), maxExtensionParameter);
            if (((LocalDate) expires).isAfter(base.plusMonths((long) maxMonths))) {
                return new Result(Tri.FALSE, shown, List.of());
            }
            // Beyond the base term but within the maximum: the extensions actually granted decide.
            Object added = facts.value(extensionMonthsPath);
            note(extensionMonthsPath, added, shown, missing);
            Object count = extensionCountPath == null ? null : facts.value(extensionCountPath);
            if (extensionCountPath != null) {
                note(extensionCountPath, count, shown, missing);
            }
            boolean knownShort = added != null && (number(added) > maxMonths
                    || ((LocalDate) expires).isAfter(base.plusMonths((long) number(added))))
                    || count != null && number(count) > facts.parameter(maxCountParameter);
            if (knownShort) {
                return new Result(Tri.FALSE, shown, List.of());
            }
            return missing.isEmpty() ? new Result(Tri.TRUE, shown, List.of()) : Result.unknown(shown, missing);
        };
    }

    /** A derived fact (a mineral's group, strategic status, ...) that holds: shown in the finding. */
    public static Requirement fact(Evidence evidence) {
        return facts -> Result.known(true, new FactValue(evidence.path(), evidence.value()));
    }

    /**
     * The date falls before a day the law names (ISO {@code yyyy-mm-dd}), such as the day an amendment took effect:
     * {@code before("licence.applicationFiledOn", "2026-01-01")} is a dossier received before Law 147 (Law 147
     * Art 4(1)-(2)). For a rule's own reach in time use {@code @inForceFrom} and {@code @judgedOn}, not this.
     */
    public static Requirement before(String datePath, String isoDate) {
        LocalDate day = LocalDate.parse(isoDate);
        return facts -> {
            Object v = facts.value(datePath);
            return v == null ? missing(datePath)
                    : Result.known(((LocalDate) v).isBefore(day), new FactValue(datePath, v));
        };
    }

    /** A derived fact's value is one of these (a principal group, an authority): shown in the finding. */
    public static Requirement derivedOneOf(Evidence evidence, Object... values) {
        return facts -> Result.known(matchesAny(evidence.value(), values),
                new FactValue(evidence.path(), evidence.value()));
    }

    /**
     * At least one of the conditions a rule's {@code when} collected holds (Kleene "or"; false when there are none):
     * {@code not(anyOf($maybeRadioactive))} is "no mineral is radioactive", unknown while one may be.
     */
    public static Requirement anyOf(java.util.Collection<?> conditions) {
        return facts -> {
            List<Result> results = new ArrayList<>(conditions.size());
            for (Object c : conditions) {
                results.add(of(c).evaluate(facts));
            }
            return Result.or(results);
        };
    }

    /**
     * A yes/no fact a register may record (a mine's need for a director), taken as recorded when given; when it is not
     * given, the law's own test decides, and if that is unknown too the recorded fact is asked with the test's facts.
     */
    public static Requirement recordedOr(String path, Requirement otherwise) {
        return facts -> {
            Object v = facts.value(path);
            if (v != null) {
                return Result.known(Boolean.TRUE.equals(v), new FactValue(path, v));
            }
            Result r = otherwise.evaluate(facts);
            if (r.value() != Tri.UNKNOWN) {
                return r;
            }
            List<String> missing = new ArrayList<>(List.of(path));
            r.missing().forEach(m -> {
                if (!missing.contains(m)) {
                    missing.add(m);
                }
            });
            return Result.unknown(r.facts(), missing);
        };
    }

    // ---- combinations ---------------------------------------------------------------------------------------

    /** Every one holds (Kleene "and"). */
    public static Requirement allOf(Requirement... parts) {
        return facts -> Result.and(evaluateAll(parts, facts));
    }

    /** At least one holds (Kleene "or"): met when one is true, whatever the others. */
    public static Requirement eitherOf(Requirement... parts) {
        return facts -> Result.or(evaluateAll(parts, facts));
    }

    /** It does not hold. */
    public static Requirement not(Requirement part) {
        return facts -> part.evaluate(facts).negate();
    }

    /** Conditions as the rules write them: a JSON path (a fact shown), a derived fact, or a requirement. */
    public static Requirement of(Object condition) {
        if (condition instanceof Requirement r) {
            return r;
        }
        if (condition instanceof Evidence e) {
            return fact(e);
        }
        if (condition instanceof String path) {
            return known(path);
        }
        throw new IllegalArgumentException("not a condition: " + condition);
    }

    /**
     * The key of a parameter the law sets per mineral group: {@code forGroup("auction.explorationApplicationMonths",
     * "III")} is {@code auction.explorationApplicationMonths.groupIII}.
     */
    public static String forGroup(String parameterPrefix, String group) {
        return parameterPrefix + ".group" + group;
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private static List<Result> evaluateAll(Requirement[] parts, Facts facts) {
        List<Result> results = new ArrayList<>(parts.length);
        for (Requirement p : parts) {
            results.add(p.evaluate(facts));
        }
        return results;
    }

    private interface Test {
        boolean met(Object value);
    }

    private static Requirement test(String path, Test test) {
        return facts -> {
            Object v = facts.value(path);
            return v == null ? missing(path) : Result.known(test.met(v), new FactValue(path, v));
        };
    }

    private static Result missing(String path) {
        return Result.unknown(List.of(), List.of(path));
    }

    private static void note(String path, Object value, List<FactValue> shown, List<String> missing) {
        if (value == null) {
            missing.add(path);
        } else {
            shown.add(new FactValue(path, value));
        }
    }

    private static boolean matchesAny(Object v, Object[] values) {
        String name = v instanceof Enum<?> e ? e.name() : String.valueOf(v);
        return Arrays.stream(values).anyMatch(x -> Objects.equals(v, x)
                || name.equals(x instanceof Enum<?> e ? e.name() : String.valueOf(x)));
    }

    private static double number(Object v) {
        return ((Number) v).doubleValue();
    }

    /** The unit of a period parameter is the end of its key, before any per-group suffix ({@link #forGroup}). */
    private static String unitKey(String parameter) {
        return parameter.replaceFirst("\\.group[IV]+$", "");
    }

    private static double months(double amount, String parameter) {
        String unit = unitKey(parameter);
        if (unit.endsWith("Years")) {
            return amount * 12;
        }
        if (unit.endsWith("Months")) {
            return amount;
        }
        throw new IllegalArgumentException("parameter '" + parameter + "' is not a period in Months or Years");
    }

    static LocalDate plus(LocalDate date, double amount, String parameter) {
        if (unitKey(parameter).endsWith("Days")) {
            return date.plus((long) amount, ChronoUnit.DAYS);
        }
        return date.plusMonths((long) months(amount, parameter));
    }
}
