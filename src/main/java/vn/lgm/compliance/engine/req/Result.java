package vn.lgm.compliance.engine.req;

import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.contract.model.FactValue;

/**
 * A requirement evaluated: its value, the known facts it read (shown in a finding), and — when its value is
 * UNKNOWN — the unknown facts whose answer could still change it (asked in a finding). A fact that cannot change
 * the value (the other branch of an "either" already true, the extensions of a term inside its base) is not listed.
 */
public record Result(Tri value, List<FactValue> facts, List<String> missing) {

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

    private static Result combine(List<Result> parts, Tri dominant, Tri neutral) {
        List<FactValue> facts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        boolean dominated = false;
        boolean unknown = false;
        for (Result r : parts) {
            for (FactValue f : r.facts()) {
                if (!facts.contains(f)) {
                    facts.add(f);
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
        return unknown ? new Result(Tri.UNKNOWN, facts, missing) : new Result(neutral, facts, List.of());
    }

    Result negate() {
        return new Result(value.not(), facts, missing);
    }
}
