package vn.lgm.compliance.regulator.history;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.RecordSource;

/**
 * Stores an audit posted to {@code POST /api/v1/audits}: started once the body's register is recognised (a refused
 * upload stores nothing), every record stored as its line is written, and the run ended with what happened: complete,
 * or INTERRUPTED the moment its client disconnects or its upload breaks off — with the records whose lines were
 * written. The run's id is known before the first line is streamed back (header {@code X-Audit-Run}).
 */
public final class ApiRunRecorder {

    /** The name a run posted without {@code register=} is listed under. */
    public static final String UNNAMED = "(posted register)";

    /** The request body, hashed as it is read. */
    public static final class HashedBody {
        private final MessageDigest sha;
        private final InputStream stream;

        public HashedBody(InputStream body) {
            try {
                this.sha = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
            this.stream = new DigestInputStream(body, sha);
        }

        /** The body for the source: closing it does not close the request's stream. */
        public InputStream stream() {
            return new FilterInputStream(stream) {
                @Override
                public void close() {
                }
            };
        }

        /** Reads what the source left of the body, and the SHA-256 of all of it. */
        String readToEnd() throws IOException {
            stream.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(sha.digest());
        }
    }

    private final RunRecorder recorder;
    private String stopped;

    /** Starts the run in the history; an IllegalStateException if the history cannot be written. */
    public ApiRunRecorder(HistoryStore store, Assessor assessor, String register, RecordSource source, LocalDate asOf,
                          LocalDate compareAsOf) {
        boolean named = register != null && !register.isBlank();
        this.recorder = new RunRecorder(store, new HistoryStore.RunStart(named ? register.strip() : UNNAMED, named,
                source.kind(), "POST /api/v1/audits", source.describe(), assessor.rules().version(), asOf, compareAsOf,
                Instant.now(), source.conventions()));
    }

    public long runId() {
        return recorder.runId();
    }

    public RunRecorder listener() {
        return recorder;
    }

    /**
     * Ends the run. A complete run reads what is left of the body (for its hash) and is stored COMPLETE; any other
     * is stored at once, without reading on: INTERRUPTED when the client left or its upload broke off, FAILED for
     * a fault of the service.
     */
    public RunRecorder.Recorded finish(AuditRunner.Outcome o, HashedBody body) {
        if (o.complete()) {
            try {
                return recorder.finish(HistoryStore.State.COMPLETE, null, body.readToEnd(), Instant.now(), o.records(),
                        o.skipped(), o.warnings());
            } catch (IOException e) {
                stopped = "the upload broke off after its last record: " + e.getMessage();
                return recorder.finish(HistoryStore.State.INTERRUPTED, stopped, null, Instant.now(), o.records(),
                        o.skipped(), o.warnings());
            }
        }
        boolean clientGone = o.ending() != AuditRunner.Ending.FAILED;
        String why = clientGone ? "the client disconnected or its upload broke off (" + o.stopped() + ")" : o.stopped();
        return recorder.finish(clientGone ? HistoryStore.State.INTERRUPTED : HistoryStore.State.FAILED,
                why == null ? "the input was not read to its end" : why, null, Instant.now(), o.records(), o.skipped(),
                o.warnings());
    }

    /** Why a run whose every record was answered was still not complete (its upload broke off after them); else null. */
    public String stopped() {
        return stopped;
    }

    /** The stream ended without an outcome (a fault): the run is closed with what it stored. */
    public RunRecorder.Recorded abandon(String why) {
        return recorder.abandon(HistoryStore.State.FAILED, why);
    }
}
