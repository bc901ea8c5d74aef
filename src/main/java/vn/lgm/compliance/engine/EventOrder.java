package vn.lgm.compliance.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.contract.model.Licence;
import vn.lgm.compliance.contract.model.LicenceType;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Stage;

/**
 * The law's order of events, which bounds the dates a description does not give: the auction comes first (the winner
 * applies after it, LGM Art 104(2)); the application follows the recognition of exploration results it rests on (Art
 * 48(1)) and the delineation of a no-auction area chosen by a survey participant (Art 22(2)(c)); the licence is issued
 * on the application (Arts 45, 57) and before its expiry; a project that has applied filed before the assessment date,
 * and one that is still a proposal has not filed; a licensed project's licence was issued before the assessment date;
 * and an extension is granted as the term it extends comes to its end (D193 Art 37(1), 62(1)(a), 90(1)(a): the
 * extension prolongs the term "when the licence expires"), so none can exist while that end is further off than
 * {@code licence.extensionWindowMonths}. The rules' requirements ask a date only when some date possible in this
 * order would change their outcome; the relevance gate fills dates only in this order.
 */
public final class EventOrder {

    public static final String AUCTION = "licence.auctionWonOn";
    public static final String APPLICATION = "licence.applicationFiledOn";
    public static final String ISSUE = "licence.issuedOn";
    public static final String EXPIRY = "licence.expiresOn";
    public static final String RECOGNITION = "licence.explorationResultsRecognisedOn";
    public static final String DELINEATION = "licence.noAuctionAreaDelineatedOn";

    /** The breach of a description that claims an extension its term is too young to have. */
    public static final String EXTENSION_TOO_EARLY = "an extension is granted only as the term it extends ends";

    /** The parameter: how long before the end of the term it extends an extension can at the earliest be granted. */
    public static final String EXTENSION_WINDOW = "licence.extensionWindowMonths";

    private EventOrder() {
    }

    /** The latest the date at {@code path} can be, given the rest of the description and the assessment date; null if unbounded. */
    public static LocalDate latest(Project p, String path, LocalDate today) {
        Licence l = p.licence();
        return switch (path) {
            case APPLICATION -> latestFiling(p, today);
            case AUCTION, RECOGNITION, DELINEATION -> min(l.applicationFiledOn(), latestFiling(p, today));
            case ISSUE -> min(p.stageAtLeast(Stage.LICENSED) ? today : null, l.expiresOn());
            default -> null;
        };
    }

    /** The earliest the date at {@code path} can be; null if unbounded. */
    public static LocalDate earliest(Project p, String path, LocalDate today) {
        Licence l = p.licence();
        return switch (path) {
            case APPLICATION -> max(max(l.auctionWonOn(), l.explorationResultsRecognisedOn()),
                    max(l.noAuctionAreaDelineatedOn(), p.stage() == Stage.PROPOSAL ? today.plusDays(1) : null));
            case ISSUE -> l.applicationFiledOn() != null ? l.applicationFiledOn() : l.auctionWonOn();
            case EXPIRY -> l.issuedOn();
            default -> null;
        };
    }

    /**
     * Whether the extensions a term may hold can have been granted by the assessment date: only once the base term
     * (from the issue date) is within the window of its end.
     */
    public static boolean extensionPossible(LocalDate baseEnd, double windowMonths, LocalDate today) {
        return !today.isBefore(baseEnd.minusMonths((long) windowMonths));
    }

    /**
     * The ways the description breaks the law's order of events, each as "what, and why"; empty when none. The
     * relevance gate fills missing dates only in this order; the base term of the extension check is the shortest
     * the licence's type may have, so that no possible description is refused.
     */
    public static List<String> breaches(Project p, LocalDate today, LawParameters parameters) {
        List<String> out = new ArrayList<>();
        Licence l = p.licence();
        before(out, l.auctionWonOn(), l.applicationFiledOn(), "the auction ends before the application is filed");
        before(out, l.explorationResultsRecognisedOn(), l.applicationFiledOn(), "the results are recognised before the application");
        before(out, l.noAuctionAreaDelineatedOn(), l.applicationFiledOn(), "the area is delineated before the application");
        before(out, l.applicationFiledOn(), l.issuedOn(), "the application is filed before the licence is issued");
        before(out, l.auctionWonOn(), l.issuedOn(), "the auction ends before the licence is issued");
        before(out, l.issuedOn(), l.expiresOn(), "the licence is issued before it expires");
        if (p.stageAtLeast(Stage.LICENSED)) {
            before(out, l.issuedOn(), today, "a licensed project's licence was issued by the assessment date");
        }
        if (p.stageAtLeast(Stage.APPLICATION)) {
            before(out, l.applicationFiledOn(), today, "a project that has applied filed by the assessment date");
            before(out, l.auctionWonOn(), today, "the auction an application follows ended by the assessment date");
        }
        if (p.stage() == Stage.PROPOSAL && l.applicationFiledOn() != null && !l.applicationFiledOn().isAfter(today)) {
            out.add("a proposal has filed no application yet");
        }
        boolean extended = l.extensionMonths() != null && l.extensionMonths() > 0
                || l.extensionCount() != null && l.extensionCount() > 0;
        if (extended && Boolean.FALSE.equals(mayBeExtended(p, today, parameters))) {
            out.add(EXTENSION_TOO_EARLY);
        }
        return out;
    }

    /**
     * Whether the licence can hold an extension by the assessment date: whether the shortest base term its type may
     * have (from the issue date) has come within the extension window of its end; null when the issue date is not given.
     * Before that, an expiry the description gives is the licence's own; after it, it may include extensions.
     */
    public static Boolean mayBeExtended(Project p, LocalDate today, LawParameters parameters) {
        Licence l = p.licence();
        if (l.issuedOn() == null) {
            return null;
        }
        LocalDate baseEnd = l.issuedOn().plusMonths(shortestBaseMonths(l.type(), parameters, l.issuedOn()));
        return extensionPossible(baseEnd, value(parameters, EXTENSION_WINDOW, l.issuedOn()), today);
    }

    private static long shortestBaseMonths(LicenceType type, LawParameters parameters, LocalDate on) {
        if (type == LicenceType.EXPLORATION) {
            return (long) value(parameters, "exploration.maxTermMonths", on);
        }
        if (type == LicenceType.SALVAGE) {
            return (long) (value(parameters, "salvage.maxTermYears", on) * 12);
        }
        double years = Math.min(value(parameters, "exploitation.maxTermYears", on), value(parameters, "groupIV.maxTermYears", on));
        return type == null ? (long) Math.min(years * 12, value(parameters, "exploration.maxTermMonths", on)) : (long) (years * 12);
    }

    /** A parameter's value on the date, or its first value for a date before it took effect. */
    private static double value(LawParameters parameters, String key, LocalDate on) {
        LawParameters.Parameter p = parameters.all().get(key);
        LawParameters.Value v = p.on(on);
        return (v != null ? v : p.values().get(0)).value().doubleValue();
    }

    private static void before(List<String> out, LocalDate earlier, LocalDate later, String rule) {
        if (earlier != null && later != null && earlier.isAfter(later)) {
            out.add(rule);
        }
    }

    private static LocalDate latestFiling(Project p, LocalDate today) {
        return min(p.licence().issuedOn(), p.stageAtLeast(Stage.APPLICATION) ? today : null);
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }
}
