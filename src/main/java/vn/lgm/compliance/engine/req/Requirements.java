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
            if (earlier != null && later == null) {
                // The later event's date is bounded by the law's order of events (an application is filed no later
                // than the licence is issued, and not at all while the project is a proposal): when every date it can
                // have falls on one side of the limit, it is not asked.
                LocalDate limit = plus((LocalDate) earlier, facts.parameter(periodParameter), periodParameter);
                LocalDate latest = facts.latest(laterPath);
                LocalDate earliest = facts.earliest(laterPath);
                if (latest != null && !latest.isAfter(limit)) {
                    return new Result(Tri.TRUE, shown, List.of());
                }
                if (earliest != null && earliest.isAfter(limit)) {
                    return new Result(Tri.FALSE, shown, List.of());
                }
            }
            if (earlier == null) {
                // The earlier event's date is not given: when even the earliest it can be (the law's order of events,
                // and the rule's own reach) leaves the later event within the shortest period in force since then,
                // every answer meets the period, and neither date is asked.
                LocalDate earliestEarlier = facts.earliest(earlierPath);
                LocalDate laterBound = later != null ? (LocalDate) later : facts.latest(laterPath);
                if (earliestEarlier != null && laterBound != null && !laterBound.isAfter(
                        plus(earliestEarlier, facts.smallestParameter(periodParameter, earliestEarlier), periodParameter))) {
                    return new Result(Tri.TRUE, shown, List.of());
                }
            }
            if (later == null && facts.earliest(laterPath) != null && facts.earliest(laterPath).isAfter(facts.today())) {
                missing.remove(laterPath);   // the later event has not happened yet: there is no date to ask
            }
            if (!missing.isEmpty()) {
                return Result.unknown(shown, missing);
            }
            if (later == null) {
                return new Result(Tri.FALSE, shown, List.of());   // not happened yet, and the earlier date gave no answer
            }
            LocalDate limit = plus((LocalDate) earlier, facts.parameter(periodParameter), periodParameter);
            return new Result(Tri.of(!((LocalDate) later).isAfter(limit)), shown, List.of());
        };
    }

    /**
     * A duty with a period: done ({@code duty} true), nothing to find; not done (or not known to be) while the period
     * counted from the date at {@code fromPath} runs, a step still to take (a pending result: the finding is an
     * OBLIGATION, and nothing is asked, since either answer leaves the project within the law); once the period has run,
     * the duty's own result (false: the rule's outcome; unknown: its facts are asked). Where the date the period runs
     * from is not given, and the duty is not shown done, that date is asked: it decides between a step still to take and
     * a breach. The parameter's key ends in Days, Months or Years.
     */
    public static Requirement dueBy(Requirement duty, String fromPath, String periodParameter) {
        return facts -> {
            Result met = duty.evaluate(facts);
            if (met.value() == Tri.TRUE) {
                return met;
            }
            Object from = facts.value(fromPath);
            List<FactValue> shown = new ArrayList<>(met.facts());
            if (from == null) {
                List<String> missing = new ArrayList<>(List.of(fromPath));
                met.missing().forEach(m -> {
                    if (!missing.contains(m)) {
                        missing.add(m);
                    }
                });
                return Result.unknown(shown, missing);
            }
            shown.add(0, new FactValue(fromPath, from));
            LocalDate due = plus((LocalDate) from, facts.parameter(periodParameter), periodParameter);
            if (!facts.today().isAfter(due)) {
                return new Result(Tri.FALSE, shown, List.of(), true);
            }
            return new Result(met.value(), shown, met.missing());
        };
    }

    /**
     * A duty the law sets no period for: done, nothing to find; not done, a step still to take (pending: an OBLIGATION,
     * never a breach by the passing of time); not known, asked (its answer decides between nothing and a step to take).
     */
    public static Requirement owed(Requirement duty) {
        return facts -> {
            Result met = duty.evaluate(facts);
            return met.value() == Tri.FALSE ? new Result(Tri.FALSE, met.facts(), List.of(), true) : met;
        };
    }

    /**
     * A yearly filing has fallen due: the filing for a calendar year is due the given number of days after that year
     * ends, and the licence (issued on the date at {@code issuedPath}) ran in the last year whose filing is now overdue.
     * The parameter's key ends in Days.
     */
    public static Requirement yearlyFilingDue(String issuedPath, String daysAfterYearEndParameter) {
        return facts -> {
            Object issued = facts.value(issuedPath);
            if (issued == null) {
                return missing(issuedPath);
            }
            long days = (long) facts.parameter(daysAfterYearEndParameter);
            LocalDate today = facts.today();
            int year = today.getYear() - 1;
            if (!today.isAfter(LocalDate.of(year, 12, 31).plusDays(days))) {
                year--;
            }
            return Result.known(!((LocalDate) issued).isAfter(LocalDate.of(year, 12, 31)), new FactValue(issuedPath, issued));
        };
    }

    /**
     * The number of months given at {@code monthsPath}, counted from the date at {@code fromPath}, has run by the
     * assessment date (a period the description itself sets, such as a feasibility study's construction time); a
     * fraction of a month counts as a whole one.
     */
    public static Requirement elapsed(String fromPath, String monthsPath) {
        return facts -> {
            Object from = facts.value(fromPath);
            Object months = facts.value(monthsPath);
            List<FactValue> shown = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            note(fromPath, from, shown, missing);
            note(monthsPath, months, shown, missing);
            if (!missing.isEmpty()) {
                return Result.unknown(shown, missing);
            }
            // A fraction of a month (a register's "40.8") is counted as a whole one: the deadline is never earlier.
            LocalDate end = afterMonths((LocalDate) from, Math.ceil(number(months)));
            return new Result(Tri.of(facts.today().isAfter(end)), shown, List.of());
        };
    }

    /**
     * A licence's term is within the law's: the span from issue to expiry is at most the base term plus the time
     * extensions have actually added, and the extensions add at most the law's maximum. A span within the base term
     * is met whatever the extensions; a span beyond the base plus the maximum extension fails whatever they are; in
     * between, the extensions decide. Parameter keys end in Months or Years.
     */
    public static Requirement termWithin(String issuedPath, String expiresPath, String termParameter,
            String maxExtensionParameter, String extensionMonthsPath, String extensionWindowParameter) {
        return termWithin(issuedPath, expiresPath, termParameter, maxExtensionParameter, extensionMonthsPath,
                extensionWindowParameter, null, null);
    }

    /**
     * As {@link #termWithin(String, String, String, String, String, String)}, with at most so many extensions. An
     * extension is granted as the term it extends ends (the law's order of events): while the base term's end is further
     * off than the window ({@code extensionWindowParameter}, in months), no extension can have been granted, so an expiry
     * beyond the base term fails whatever the extensions the description gives or omits.
     */
    public static Requirement termWithin(String issuedPath, String expiresPath, String termParameter,
            String maxExtensionParameter, String extensionMonthsPath, String extensionWindowParameter,
            String extensionCountPath, String maxCountParameter) {
        return facts -> {
            Object issued = facts.value(issuedPath);
            Object expires = facts.value(expiresPath);
            List<FactValue> shown = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            note(issuedPath, issued, shown, missing);
            note(expiresPath, expires, shown, missing);
            LocalDate earliestIssue = facts.earliest(issuedPath);
            if (issued == null && expires != null && earliestIssue != null
                    && !((LocalDate) expires).isAfter(plus(earliestIssue, facts.parameter(termParameter), termParameter))) {
                // Even a licence issued on the earliest day it can be (the law's order of events, the rule's reach)
                // runs within the base term by this expiry.
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
            if (facts.today().isBefore(base.minusMonths((long) facts.parameter(extensionWindowParameter)))) {
                // Too young to have been extended: the expiry beyond the base term is the licence's own.
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
                    || ((LocalDate) expires).isAfter(afterMonths(base, number(added))))
                    || count != null && number(count) > facts.parameter(maxCountParameter);
            if (knownShort) {
                return new Result(Tri.FALSE, shown, List.of());
            }
            return missing.isEmpty() ? new Result(Tri.TRUE, shown, List.of()) : Result.unknown(shown, missing);
        };
    }

    /**
     * The date a grant condition is judged on is settled: the project holds no licence yet (a proposal or an application,
     * judged on the assessment date), or the licence's issue date is given, or every issue date the law's order of
     * events allows falls within the rule's reach (a licence applied for in 2026 was issued in 2026), so the rule applies
     * whatever the date. Otherwise the issue date is asked (with the stage when that is not given either).
     */
    public static Requirement issueDateSettled() {
        Requirement given = eitherOf(oneOf("stage", vn.lgm.compliance.contract.model.Stage.PROPOSAL,
                vn.lgm.compliance.contract.model.Stage.APPLICATION), known("licence.issuedOn"));
        return facts -> {
            Result r = given.evaluate(facts);
            if (r.value() != Tri.TRUE && facts.everyIssueInReach()) {
                return new Result(Tri.TRUE, r.facts(), List.of());
            }
            return r;
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
            if (v == null) {
                // Bounded by the law's order of events: every date possible on one side of the day decides it.
                LocalDate latest = facts.latest(datePath);
                LocalDate earliest = facts.earliest(datePath);
                if (latest != null && latest.isBefore(day)) {
                    return new Result(Tri.TRUE, List.of(), List.of());
                }
                if (earliest != null && !earliest.isBefore(day)) {
                    return new Result(Tri.FALSE, List.of(), List.of());
                }
                return missing(datePath);
            }
            return Result.known(((LocalDate) v).isBefore(day), new FactValue(datePath, v));
        };
    }

    /**
     * The list is given and has an entry; asked for (unknown, the list among the missing facts) when it is omitted, and
     * also when it is given empty. For a rule that asks for a list the law cannot be applied without (the minerals, the
     * activities, the exports of a project that exports): an empty list there says "none" where the description itself
     * says there must be some, so the list is asked for again. Rules that read a list whose emptiness is a lawful answer
     * ("no partners") use {@link #known} instead: an empty list is given.
     */
    public static Requirement nonEmpty(String path) {
        return facts -> {
            Object v = facts.value(path);
            if (v == null) {
                return missing(path);
            }
            return ((java.util.Collection<?>) v).isEmpty() ? Result.unknown(List.of(new FactValue(path, v)), List.of(path))
                    : Result.known(true, new FactValue(path, v));
        };
    }

    /** A derived fact's value is one of these (a principal group, an authority): shown in the finding. */
    public static Requirement derivedOneOf(Evidence evidence, Object... values) {
        return facts -> Result.known(matchesAny(evidence.key(), values),
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

    /**
     * The date {@code months} after {@code date}; a number of months beyond any calendar (a description's 9e10 months
     * of construction) ends after every date rather than failing the assessment.
     */
    static LocalDate afterMonths(LocalDate date, double months) {
        try {
            return date.plusMonths((long) months);
        } catch (java.time.DateTimeException tooFar) {
            return months > 0 ? LocalDate.MAX : LocalDate.MIN;
        }
    }

    static LocalDate plus(LocalDate date, double amount, String parameter) {
        if (unitKey(parameter).endsWith("Days")) {
            return date.plus((long) amount, ChronoUnit.DAYS);
        }
        return date.plusMonths((long) months(amount, parameter));
    }
}
