package vn.lgm.compliance.regulator.history;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.RuleRef;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.regulator.audit.AuditRunner;

/**
 * Stores an audit run as it goes: a listener on the runner, called in input order on the writer thread once a
 * record's line is written, that stores each record's description and result in batches (one batch of the runner,
 * so a crash loses at most the lines of one batch), then how the run ended. Memory is bounded by one batch.
 *
 * <p>The run is created RUNNING when the recorder is made — the history's first write, made before the first record
 * is read, so a history that cannot be written refuses the run before it starts. If the history fails later (a full
 * disk), the recorder stops storing, the audit goes on to its end, and {@link #finish} says the run was not recorded.
 */
public final class RunRecorder implements Consumer<AuditRunner.Result> {

    private static final Logger LOG = Logger.getLogger(RunRecorder.class);

    /** The runner's batch: records are stored as the runner writes them. */
    private static final int BATCH = 64;

    /** What the history holds of a run once it has ended. */
    public record Recorded(long runId, boolean recorded, HistoryStore.State state, String problem) {
    }

    private final HistoryStore store;
    private final long runId;
    private final Instant started;
    private final List<HistoryStore.StoredRecord> pending = new ArrayList<>(BATCH);
    private final Map<String, Integer> keys = new HashMap<>();
    private final Map<String, Long> verdicts = new LinkedHashMap<>();
    private long assessed;
    private long errors;
    private volatile String failure;
    private Recorded recorded;

    /** Starts the run in the history (RUNNING, owned by this process); an IllegalStateException if it cannot be written. */
    public RunRecorder(HistoryStore store, HistoryStore.RunStart start) {
        this.store = store;
        this.started = start.started();
        this.runId = store.startRun(start);
        for (String v : List.of("NON_COMPLIANT", "INCOMPLETE", "CONDITIONAL", "COMPLIANT")) {
            verdicts.put(v, 0L);
        }
    }

    public long runId() {
        return runId;
    }

    /** The records written so far by verdict (NON_COMPLIANT, INCOMPLETE, CONDITIONAL, COMPLIANT). */
    public Map<String, Long> verdicts() {
        return Map.copyOf(verdicts);
    }

    @Override
    public void accept(AuditRunner.Result r) {
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
                findings.add(new HistoryStore.StoredFinding(f.ruleId(), f.outcome().name(), f.facts(), f.missingFacts(),
                        f.otherRules().stream().map(RuleRef::ruleId).toList()));
            }
        } else {
            errors++;
        }
        if (failure != null) {
            return; // the history failed: the run is counted, no longer stored
        }
        String description = p == null ? null : HistoryJson.write(p);
        pending.add(new HistoryStore.StoredRecord(runId, r.input().line(), key, id, licence,
                p == null ? null : p.name(), p == null || p.proponent() == null ? null : p.proponent().name(),
                p == null || p.site() == null ? null : p.site().district(), mineral(p),
                p == null || p.licence() == null ? null : p.licence().expiresOn(), verdict,
                a == null ? null : a.lawAsOf(), description, description == null ? null : sha256(description),
                a == null ? HistoryJson.write(r.errors()) : null, findings, r.input().assumed(), r.input().stopped()));
        if (pending.size() >= BATCH) {
            flush();
        }
    }

    /**
     * Ends the run: stores what is pending, then the run's state, counts and reason. {@code records} is what the
     * reader split off; assessed and errors are the records written (and stored). Never throws: what the history
     * could not take is in the result, and the run's manifest says so.
     */
    public Recorded finish(HistoryStore.State state, String stopped, String inputSha256, Instant ended, long records,
                           long skipped, List<String> warnings) {
        HistoryStore.State end = failure == null ? state : HistoryStore.State.FAILED;
        return end(end, () -> {
            String why = failure == null ? stopped : "the history could not store every record (" + failure + ")"
                    + (state == HistoryStore.State.COMPLETE ? "; the audit itself completed" : stopped == null ? "" : "; " + stopped);
            store.finishRun(runId, new HistoryStore.RunEnd(end, why, inputSha256, ended,
                    Duration.between(started, ended).toMillis(), records, assessed, errors, skipped, verdicts, warnings));
        });
    }

    /** The run's process is ending without a finish (a fault): the run is closed with what it stored, if it can be. */
    public Recorded abandon(HistoryStore.State state, String why) {
        return end(state, () -> store.closeFromStoredRecords(runId, state, why));
    }

    /** Stores what is pending, then ends the run by {@code write}, once; what the history refused is kept in the result. */
    private Recorded end(HistoryStore.State state, Runnable write) {
        if (recorded != null) {
            return recorded;
        }
        flush();
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.warnf("audit run %d: %s", runId, e.getMessage());
            if (failure == null) {
                failure = e.getMessage();
            }
        }
        recorded = new Recorded(runId, failure == null, state, failure);
        return recorded;
    }

    private void flush() {
        if (failure != null || pending.isEmpty()) {
            pending.clear();
            return;
        }
        try {
            store.insert(List.copyOf(pending));
        } catch (RuntimeException e) {
            failure = e.getMessage();
            LOG.warnf("audit run %d: the history stopped storing records: %s", runId, e.getMessage());
        }
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
