package vn.lgm.compliance.regulator.report;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.lgm.compliance.regulator.history.HistoryStore;

/**
 * Every count the department report shows — in its summary, its tables and charts, the workbook and the command's
 * summary line — counted once, here, from the stored records: licences by verdict, licences and findings by
 * outcome, findings by rule, and the breaches that rest on a cell the register leaves empty.
 *
 * <p>Counts count acts (one act, one finding): a finding about one act that breaks several rules is one finding of
 * its outcome and one licence under its act in {@link #byAct}; the table by rule counts it under each of its rules.
 */
final class Tally {

    static final List<String> VERDICTS = List.of("NON_COMPLIANT", "INCOMPLETE", "CONDITIONAL", "COMPLIANT");
    static final List<String> OUTCOMES = List.of("VIOLATION", "OBLIGATION", "INSUFFICIENT_INFORMATION", "ADVISORY");

    /** Licences by verdict, in the report's order. */
    final Map<String, Long> verdicts = new LinkedHashMap<>();
    /** Licences with at least one finding of each outcome. */
    final Map<String, Long> licencesWith = new LinkedHashMap<>();
    /** Findings of each outcome (one a rule and outcome per licence). */
    final Map<String, Long> findings = new LinkedHashMap<>();
    /**
     * Per rule (each rule of a finding about one act): the licences with a violation, an obligation, an unknown, an
     * advisory of it, and those whose violation of it rests on an empty cell.
     */
    final Map<String, long[]> byRule = new TreeMap<>();
    /** Per act in breach ({@link #actKey}): the licences that commit it, and those of them where it rests on an empty cell. */
    final Map<String, long[]> byAct = new TreeMap<>();
    long assessed;
    long errors;
    /** Licences breaking the law on what the register records (at least one breach not resting on an empty cell). */
    long breakOnRecord;
    /** Licences whose every breach rests on a cell the register leaves empty, read as "not done" by convention. */
    long breakOnEmptyOnly;
    /** Licences read by the complete-record convention (at least one empty cell read as "not done"). */
    long readByConvention;
    /** Licences the register records as stopped (not read by the convention). */
    long stopped;

    Tally(List<HistoryStore.StoredRecord> records) {
        VERDICTS.forEach(v -> verdicts.put(v, 0L));
        OUTCOMES.forEach(o -> {
            licencesWith.put(o, 0L);
            findings.put(o, 0L);
        });
        for (HistoryStore.StoredRecord r : records) {
            if (!r.ok()) {
                errors++;
                continue;
            }
            assessed++;
            verdicts.merge(r.verdict(), 1L, Long::sum);
            if (!r.assumed().isEmpty()) {
                readByConvention++;
            }
            if (r.stopped()) {
                stopped++;
            }
            Set<String> outcomes = new LinkedHashSet<>();
            boolean onRecord = false;
            boolean onEmpty = false;
            Set<String> ruleSeen = new LinkedHashSet<>();
            for (HistoryStore.StoredFinding f : distinct(r)) {
                outcomes.add(f.outcome());
                findings.merge(f.outcome(), 1L, Long::sum);
                boolean violation = "VIOLATION".equals(f.outcome());
                boolean empty = violation && restsOnEmptyCell(r, f);
                for (String id : f.ruleIds()) {
                    if (ruleSeen.add(id + " " + f.outcome())) {
                        long[] c = byRule.computeIfAbsent(id, k -> new long[5]);
                        c[Math.max(0, OUTCOMES.indexOf(f.outcome()))]++;
                        if (empty) {
                            c[4]++;
                        }
                    }
                }
                if (violation) {
                    long[] a = byAct.computeIfAbsent(actKey(f), k -> new long[2]);
                    a[0]++;
                    if (empty) {
                        a[1]++;
                        onEmpty = true;
                    } else {
                        onRecord = true;
                    }
                }
            }
            outcomes.forEach(o -> licencesWith.merge(o, 1L, Long::sum));
            if (onRecord) {
                breakOnRecord++;
            } else if (onEmpty) {
                breakOnEmptyOnly++;
            }
        }
    }

    /** A record's findings, one per act and outcome (as the report counts them). */
    static List<HistoryStore.StoredFinding> distinct(HistoryStore.StoredRecord r) {
        Set<String> seen = new LinkedHashSet<>();
        return r.findings().stream().filter(f -> seen.add(actKey(f) + " " + f.outcome())).toList();
    }

    /** An act by the rules it breaks, the most specific first ("EXP-001+EXP-002+…"). */
    static String actKey(HistoryStore.StoredFinding f) {
        return String.join("+", f.ruleIds());
    }

    /** The rules of an act, from its key. */
    static List<String> actRules(String actKey) {
        return List.of(actKey.split("\\+"));
    }

    /** The finding rests on a cell the register left empty, read as "recorded as not done" by its mapping's convention. */
    static boolean restsOnEmptyCell(HistoryStore.StoredRecord r, HistoryStore.StoredFinding f) {
        return !r.assumed().isEmpty() && f.facts().stream().anyMatch(v -> r.assumed().contains(v.path()));
    }
}
