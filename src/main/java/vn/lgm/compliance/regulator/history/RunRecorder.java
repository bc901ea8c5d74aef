package vn.lgm.compliance.regulator.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.contract.model.Project;

/**
 * Stores an audit run as it goes: a listener on the runner (called in input order on the writer thread) that
 * writes each record's description and result in batches, then the manifest when the run ends. Memory is bounded
 * by one batch.
 */
public final class RunRecorder implements Consumer<AuditRunner.Result> {

    private static final int BATCH = 256;

    private final HistoryStore store;
    private final long runId;
    private final List<HistoryStore.StoredRecord> pending = new ArrayList<>(BATCH);
    private final Map<String, Integer> keys = new HashMap<>();
    private final Map<String, Long> verdicts = new LinkedHashMap<>();
    private long records;
    private long assessed;
    private long errors;

    public RunRecorder(HistoryStore store, String register, String inputPath, String rulesVersion, LocalDate lawAsOf,
                       LocalDate compareAsOf, Instant started) {
        this.store = store;
        this.runId = store.startRun(register, inputPath, rulesVersion, lawAsOf, compareAsOf, started);
    }

    public long runId() {
        return runId;
    }

    @Override
    public void accept(AuditRunner.Result r) {
        records++;
        Project p = r.input().project();
        Assessment a = r.assessment();
        String id = r.input().id() != null ? r.input().id() : p == null ? null : p.id();
        String licence = p == null || p.licence() == null || p.licence().number() == null || p.licence().number().isBlank()
                ? null : p.licence().number().strip();
        String key = uniqueKey(licence != null ? licence : id != null ? id : "line " + r.input().line());
        List<HistoryStore.StoredFinding> findings = new ArrayList<>();
        String verdict = null;
        if (a != null) {
            assessed++;
            verdict = a.verdict().name();
            verdicts.merge(verdict, 1L, Long::sum);
            for (Finding f : a.findings()) {
                findings.add(new HistoryStore.StoredFinding(f.ruleId(), f.outcome().name(),
                        f.citation() == null ? null : f.citation().label(), HistoryJson.write(f.facts()),
                        HistoryJson.write(f.missingFacts()), f.otherRules().stream().map(RuleRef::ruleId).toList()));
            }
        } else {
            errors++;
        }
        String description = p == null ? null : HistoryJson.write(p);
        pending.add(new HistoryStore.StoredRecord(runId, r.input().line(), key, id, licence,
                p == null ? null : p.name(), p == null || p.proponent() == null ? null : p.proponent().name(),
                p == null || p.site() == null ? null : p.site().district(), mineral(p),
                p == null || p.licence() == null ? null : p.licence().expiresOn(), verdict,
                a == null ? null : a.lawAsOf(), description, description == null ? null : sha256(description),
                a == null ? HistoryJson.write(r.errors()) : null, findings));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /** Writes what is pending and the manifest; the run is then complete and comparable. */
    public void finish(String inputSha256, String inputFormat, Instant started, Instant ended) {
        flush();
        store.finishRun(runId, inputSha256, inputFormat, ended, Duration.between(started, ended).toMillis(), records,
                assessed, errors, verdicts);
    }

    private void flush() {
        store.insert(List.copyOf(pending));
        pending.clear();
    }

    /** The licence number, or with "#2", "#3" when the register lists the same licence again. */
    private String uniqueKey(String key) {
        int n = keys.merge(key, 1, Integer::sum);
        return n == 1 ? key : key + " #" + n;
    }

    static String mineral(Project p) {
        if (p == null || p.minerals() == null || p.minerals().isEmpty() || p.minerals().get(0) == null) {
            return null;
        }
        var m = p.minerals().get(0);
        return m.localName() != null ? m.localName() : m.name() == null ? null : m.name().name();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
