package vn.lgm.compliance.engine.req;

import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.contract.model.FactValue;

/**
 * A requirement evaluated: its value, the known facts it read (shown in a finding), and — when its value is
 * UNKNOWN — the unknown facts whose answer could still change it (asked in a finding). A fact that cannot change
 * the value (the other branch of an "either" already true, the extensions of a term inside its base) is not listed.
 * A FALSE result may be {@code pending}: a duty not (or not known to be) done whose period still runs, or for which the
 * law sets no period ({@code Requirements.dueBy}, {@code Requirements.owed}); its finding is an OBLIGATION, a step
 * still to take, whatever the rule's outcome once the period has run.
 */
public record Result(Tri value, List<FactValue> facts, List<String> missing, boolean pending) {

    public Result(Tri value, List<FactValue> facts, List<String> missing) {
        this(value, facts, missing, false);
    }

    /**
     * A derived fact used as a condition: it holds (showing its facts), or — when what would tell is not given — it is
     * unknown and asks that one fact.
     */
    public static Result holdsOrAsks(boolean holds, List<FactValue> shown, String ask) {
        return holds ? new Result(Tri.TRUE, shown, List.of()) : new Result(Tri.UNKNOWN, shown, List.of(ask));
    }

    static Result known(boolean met, FactValue... facts) {
        return new Result(Tri.of(met), List.of(facts), List.of());
    }

    static Result unknown(List<FactValue> facts, List<String> missing) {
        return new Result(Tri.UNKNOWN, facts, missing);
    }

    /** Kleene conjunction: false if any is false, true if all are true, else unknown with the unknown ones' questions. */
    public static Result and(List<Result> parts) {
        return combine(parts, Tri.FALSE, Tri.TRUE);
    }

    /** Kleene disjunction: true if any is true, false if all are false, else unknown with the unknown ones' questions. */
    public static Result or(List<Result> parts) {
        return combine(parts, Tri.TRUE, Tri.FALSE);
    }

    /**
     * A pending FALSE (a duty whose period still runs) does not dominate a conjunction: a FALSE that is due does, and
     * an unknown part may be one; with every other part TRUE the conjunction is pending. In a disjunction whose parts
     * are all FALSE, one pending part keeps the whole pending (it may still be met in time).
     */
    private static Result combine(List<Result> parts, Tri dominant, Tri neutral) {
        List<FactValue> facts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean dominated = false;
        boolean unknown = false;
        boolean pending = false;
        for (Result r : parts) {
            for (FactValue f : r.facts()) {
                if (!facts.contains(f)) {
                    facts.add(f);
                }
            }
            if (r.value() == Tri.FALSE && r.pending()) {
                pending = true;
                if (dominant == Tri.FALSE) {
                    continue;
                }
            }
            if (r.value() == dominant) {
                dominated = true;
            } else if (r.value() == Tri.UNKNOWN) {
                unknown = true;
                for (String m : r.missing()) {
                    if (!missing.contains(m)) {
                        missing.add(m);
                    }
                }
            }
        }
        if (dominated) {
            return new Result(dominant, facts, List.of());
        }
        if (unknown) {
            return new Result(Tri.UNKNOWN, facts, missing);
        }
        return pending ? new Result(Tri.FALSE, facts, List.of(), true) : new Result(neutral, facts, List.of());
    }

    /** The negation; a pending duty negated is no longer a duty (a rule does not negate one). */
    Result negate() {
        return new Result(value.not(), facts, missing);
    }
}
