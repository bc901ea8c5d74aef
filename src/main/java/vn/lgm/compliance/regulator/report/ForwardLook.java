package vn.lgm.compliance.regulator.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.LawParameters;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.regulator.history.Changes.FindingChange;
import vn.lgm.compliance.regulator.history.HistoryJson;
import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.texts.RuleNames;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Project;

/**
 * The forward look: which licences will break a rule within the horizon if nothing changes. Each stored
 * description is assessed again at the dates that matter within (as-of, as-of + horizon] — the day after its
 * licence expires, and the days a rule or a legal number comes into force or lapses — and a finding that is not there
 * at the as-of date is reported at the first such date it appears. A licence whose expiry falls in the window is
 * always listed, with what its expiry brings.
 */
public final class ForwardLook {

    public static final String EXPIRY = "EXPIRY";
    public static final String LAW_CHANGE = "LAW_CHANGE";

    /** One licence coming due: the date, why (its expiry, or the law changing), and the findings that appear then. */
    public record Due(String licence, String name, String holder, String district, LocalDate date, String event,
                      LocalDate expiresOn, String verdictNow, String verdictThen, List<FindingChange> findings) {
    }

    public record Report(LocalDate asOf, int horizonDays, LocalDate until, List<Due> due) {
    }

    private ForwardLook() {
    }

    public static Report scan(Assessor assessor, List<HistoryStore.StoredRecord> records, LocalDate asOf, int horizonDays,
                              RuleNames texts, String lang) {
        LocalDate until = asOf.plusDays(horizonDays);
        Set<LocalDate> lawDates = new TreeSet<>();
        for (RuleInfo r : assessor.rules().catalogue()) {
            if (r.inForce() != null) {
                addIn(lawDates, r.inForce().from(), asOf, until);
                addIn(lawDates, r.inForce().to() == null ? null : r.inForce().to().plusDays(1), asOf, until);
            }
        }
        for (LawParameters.Parameter p : assessor.rules().parameters().all().values()) {
            p.values().forEach(v -> addIn(lawDates, v.from(), asOf, until));
        }
        List<Due> due = new ArrayList<>();
        for (HistoryStore.StoredRecord r : records) {
            if (!r.ok() || r.descriptionJson() == null) {
                continue;
            }
            Project p = HistoryJson.project(r.descriptionJson());
            LocalDate now = r.lawAsOf() != null ? r.lawAsOf() : asOf;
            Set<String> base = new LinkedHashSet<>();
            r.findings().forEach(f -> f.ruleIds().forEach(id -> base.add(id + " " + f.outcome())));
            TreeSet<LocalDate> dates = new TreeSet<>(lawDates);
            LocalDate expiryDay = p.licence() == null || p.licence().expiresOn() == null ? null : p.licence().expiresOn().plusDays(1);
            boolean expires = expiryDay != null && expiryDay.isAfter(now) && !expiryDay.isAfter(until.plusDays(1))
                    && !p.licence().expiresOn().isAfter(until);
            if (expires) {
                dates.add(expiryDay);
            }
            Set<String> reported = new LinkedHashSet<>();
            for (LocalDate d : dates) {
                if (!d.isAfter(now)) {
                    continue;
                }
                Assessment a;
                try {
                    a = assessor.assess(p.withAssessmentDate(d));
                } catch (RuntimeException e) {
                    continue; // a date past the span the rules encode is refused: nothing to say for it
                }
                boolean isExpiry = expires && d.equals(expiryDay);
                List<FindingChange> appear = new ArrayList<>();
                for (Finding f : a.findings()) {
                    for (String id : f.ruleIds()) {
                        String k = id + " " + f.outcome();
                        if (base.contains(k) || reported.contains(k)) {
                            continue;
                        }
                        // Only a new violation is "coming due"; on the expiry date every new finding is shown.
                        if (isExpiry || f.outcome() == vn.lgm.compliance.contract.model.Outcome.VIOLATION) {
                            appear.add(new FindingChange(id, f.outcome().name(), texts.title(id, lang),
                                    texts.provision(id, lang)));
                            reported.add(k);
                        }
                    }
                }
                if (isExpiry || !appear.isEmpty()) {
                    due.add(new Due(r.licenceNumber() != null ? r.licenceNumber() : r.key(), r.name(), r.holder(),
                            r.district(), isExpiry ? p.licence().expiresOn() : d, isExpiry ? EXPIRY : LAW_CHANGE,
                            p.licence() == null ? null : p.licence().expiresOn(), r.verdict(), a.verdict().name(), appear));
                }
            }
        }
        due.sort(Comparator.comparing(Due::date).thenComparing(Due::licence));
        return new Report(asOf, horizonDays, until, due);
    }

    private static void addIn(Set<LocalDate> dates, LocalDate d, LocalDate after, LocalDate until) {
        if (d != null && d.isAfter(after) && !d.isAfter(until)) {
            dates.add(d);
        }
    }
}
