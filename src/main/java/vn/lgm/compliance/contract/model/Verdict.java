package vn.lgm.compliance.contract.model;

import java.util.Collection;

public enum Verdict {
    NON_COMPLIANT, INCOMPLETE, CONDITIONAL, COMPLIANT;

    /** NON_COMPLIANT on any violation, else INCOMPLETE on any missing fact, else CONDITIONAL on any obligation. */
    public static Verdict of(Collection<Finding> findings) {
        Verdict verdict = COMPLIANT;
        for (Finding f : findings) {
            Verdict v = switch (f.outcome()) {
                case VIOLATION -> NON_COMPLIANT;
                case INSUFFICIENT_INFORMATION -> INCOMPLETE;
                case OBLIGATION -> CONDITIONAL;
                case ADVISORY -> COMPLIANT;
            };
            if (v.ordinal() < verdict.ordinal()) {
                verdict = v;
            }
        }
        return verdict;
    }
}
