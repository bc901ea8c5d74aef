package vn.lgm.compliance.facts;

import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.model.LegalForm;
import vn.lgm.compliance.model.Proponent;

/**
 * Whether the proponent is a foreign investor, as the foreign-investment rules read it: a foreign enterprise, or a
 * company with any foreign ownership . A Vietnamese enterprise or cooperative whose
 * foreign ownership is not given, or a proponent whose legal form is not given, may be foreign: the rule asks.
 * State bodies and household businesses are domestic whatever the ownership field says.
 */
public final class Foreignness {

    private Foreignness() {
    }

    /** Foreign, or not known to be domestic. */
    public static boolean foreignOrUnknown(Proponent p) {
        return !knownDomestic(p);
    }

    public static boolean knownDomestic(Proponent p) {
        if (p.legalForm() == LegalForm.FOREIGN_ENTERPRISE || p.foreignOwnershipPercent() != null && p.foreignOwnershipPercent() > 0
                || p.legalForm() == null) {
            return false;
        }
        return p.legalForm() == LegalForm.STATE_BODY || p.legalForm() == LegalForm.HOUSEHOLD_BUSINESS
                || p.foreignOwnershipPercent() != null;
    }

    /**
     * The facts the foreignness rests on, followed by {@code more}: the decisive one ({@link #fact}), and the other
     * of legal form and foreign ownership when it is given (shown, never asked).
     */
    public static Object[] facts(Proponent p, Object... more) {
        List<Object> facts = new ArrayList<>();
        String decisive = fact(p);
        facts.add(decisive);
        if (!decisive.equals("proponent.legalForm") && p.legalForm() != null) {
            facts.add("proponent.legalForm");
        }
        if (!decisive.equals("proponent.foreignOwnershipPercent") && p.foreignOwnershipPercent() != null) {
            facts.add("proponent.foreignOwnershipPercent");
        }
        facts.addAll(List.of(more));
        return facts.toArray();
    }

    /** The fact that shows (or would show) the proponent foreign: its foreign ownership, or its legal form. */
    public static String fact(Proponent p) {
        if (p.foreignOwnershipPercent() != null && p.foreignOwnershipPercent() > 0) {
            return "proponent.foreignOwnershipPercent";
        }
        if (p.legalForm() == null || p.legalForm() == LegalForm.FOREIGN_ENTERPRISE) {
            return "proponent.legalForm";
        }
        return "proponent.foreignOwnershipPercent";
    }
}
