package vn.lgm.compliance.regulator.history;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.lgm.compliance.texts.RuleNames;

/**
 * What changed between two stored runs, licence by licence (matched on the licence number where the register has
 * one): licences newly NON_COMPLIANT, resolved (NON_COMPLIANT before, not now), and those whose findings changed
 * otherwise; each change attributed to the rule and the provision it applies. Licences new to the register or gone
 * from it are listed apart. Works between two runs of one register and between two editions of it.
 */
public final class Changes {

    /** A finding that appears or disappears on one licence. */
    public record FindingChange(String ruleId, String outcome, String title, String provision) {
    }

    /** One licence whose result changed. */
    public record LicenceChange(String licence, String name, String holder, String verdictBefore, String verdictAfter,
                                List<FindingChange> added, List<FindingChange> removed, boolean descriptionChanged) {
    }

    /** The licences a rule's findings changed on. */
    public record RuleChange(String ruleId, String title, String provision, long added, long removed) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditChanges")
    public record Report(long runId, long sinceRunId, String register, String sinceRegister, String lawAsOf,
                         String sinceLawAsOf, String sinceAuditedOn, List<LicenceChange> newlyNonCompliant, List<LicenceChange> resolved,
                         List<LicenceChange> changed, List<String> newInRegister, List<String> goneFromRegister,
                         List<RuleChange> byRule) {

        /** Every licence with a change in its result (the three lists together). */
        public List<LicenceChange> all() {
            List<LicenceChange> all = new ArrayList<>(newlyNonCompliant);
            all.addAll(resolved);
            all.addAll(changed);
            return all;
        }
    }

    private Changes() {
    }

    public static Report between(HistoryStore store, long runId, long sinceId, RuleNames texts, String lang) {
        HistoryStore.Run run = store.run(runId);
        HistoryStore.Run since = store.run(sinceId);
        if (run == null || since == null) {
            throw new IllegalArgumentException("no audit run " + (run == null ? runId : sinceId));
        }
        Map<String, HistoryStore.StoredRecord> before = byKey(store.records(sinceId));
        Map<String, HistoryStore.StoredRecord> after = byKey(store.records(runId));
        List<LicenceChange> newlyNc = new ArrayList<>();
        List<LicenceChange> resolved = new ArrayList<>();
        List<LicenceChange> changed = new ArrayList<>();
        Map<String, long[]> rules = new TreeMap<>();
        for (Map.Entry<String, HistoryStore.StoredRecord> e : after.entrySet()) {
            HistoryStore.StoredRecord now = e.getValue();
            HistoryStore.StoredRecord then = before.get(e.getKey());
            if (then == null) {
                continue;
            }
            Set<String> a = keys(now);
            Set<String> b = keys(then);
            List<FindingChange> added = new ArrayList<>();
            List<FindingChange> removed = new ArrayList<>();
            for (String k : a) {
                if (!b.contains(k)) {
                    added.add(change(k, texts, lang));
                    rules.computeIfAbsent(k.split(" ")[0], x -> new long[2])[0]++;
                }
            }
            for (String k : b) {
                if (!a.contains(k)) {
                    removed.add(change(k, texts, lang));
                    rules.computeIfAbsent(k.split(" ")[0], x -> new long[2])[1]++;
                }
            }
            boolean sameVerdict = java.util.Objects.equals(now.verdict(), then.verdict());
            if (added.isEmpty() && removed.isEmpty() && sameVerdict) {
                continue;
            }
            LicenceChange c = new LicenceChange(e.getKey(), now.name(), now.holder(), then.verdict(), now.verdict(),
                    added, removed, !java.util.Objects.equals(now.descriptionSha(), then.descriptionSha()));
            if ("NON_COMPLIANT".equals(now.verdict()) && !"NON_COMPLIANT".equals(then.verdict())) {
                newlyNc.add(c);
            } else if ("NON_COMPLIANT".equals(then.verdict()) && !"NON_COMPLIANT".equals(now.verdict())) {
                resolved.add(c);
            } else {
                changed.add(c);
            }
        }
        List<String> newIn = after.keySet().stream().filter(k -> !before.containsKey(k)).toList();
        List<String> gone = before.keySet().stream().filter(k -> !after.containsKey(k)).toList();
        List<RuleChange> byRule = new ArrayList<>();
        rules.forEach((id, n) -> byRule.add(new RuleChange(id, texts.title(id, lang), texts.provision(id, lang), n[0], n[1])));
        return new Report(runId, sinceId, run.register(), since.register(), String.valueOf(run.lawAsOf()),
                String.valueOf(since.lawAsOf()),
                since.started() == null ? "" : since.started().atZone(java.time.ZoneOffset.ofHours(7)).toLocalDate().toString(), newlyNc, resolved, changed, newIn, gone, byRule);
    }

    private static FindingChange change(String key, RuleNames texts, String lang) {
        String[] p = key.split(" ");
        return new FindingChange(p[0], p[1], texts.title(p[0], lang), texts.provision(p[0], lang));
    }

    private static Set<String> keys(HistoryStore.StoredRecord r) {
        Set<String> s = new LinkedHashSet<>();
        r.findings().forEach(f -> f.ruleIds().forEach(id -> s.add(id + " " + f.outcome())));
        if (!r.ok()) {
            s.add("UNREADABLE ERROR");
        }
        return s;
    }

    private static Map<String, HistoryStore.StoredRecord> byKey(List<HistoryStore.StoredRecord> records) {
        Map<String, HistoryStore.StoredRecord> m = new LinkedHashMap<>();
        records.forEach(r -> m.put(r.key(), r));
        return m;
    }
}
