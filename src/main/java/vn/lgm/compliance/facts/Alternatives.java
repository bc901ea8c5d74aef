package vn.lgm.compliance.facts;

import java.util.ArrayList;
import java.util.List;

/**
 * A requirement met by either of two facts ("an approved EIA or an environmental permit"): what a rule passes to
 * {@code findings.require(...)} so that the one finding builder reads it right. While neither fact is true, the
 * unknown ones are asked for (a false one alone does not show the breach); when both are false, both are passed
 * and the breach is shown. Call it only when neither fact is true (the rule's {@code when} part ensures that).
 */
public final class Alternatives {

    private Alternatives() {
    }

    public static Object[] eitherOf(String pathA, Boolean a, String pathB, Boolean b) {
        List<Object> asked = new ArrayList<>();
        if (a == null) {
            asked.add(pathA);
        }
        if (b == null) {
            asked.add(pathB);
        }
        return asked.isEmpty() ? new Object[] {pathA, pathB} : asked.toArray();
    }
}
