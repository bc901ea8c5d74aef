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

/**
 * Stores an audit posted to {@code POST /api/v1/audits}: the body's SHA-256 computed as it is read, every record
 * stored as it is written, the manifest at the end. The run's id is known before the first line is streamed back
 * (header {@code X-Audit-Run}, and {@code Link} to its report).
 */
public final class ApiRunRecorder {

    private final RunRecorder recorder;
    private final MessageDigest sha;
    private final Instant started = Instant.now();

    public ApiRunRecorder(HistoryStore store, Assessor assessor, String register, LocalDate asOf, LocalDate compareAsOf) {
        this.recorder = new RunRecorder(store, register == null || register.isBlank() ? "(posted register)" : register,
                "POST /api/v1/audits", assessor.rules().version(), asOf, compareAsOf, started);
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public long runId() {
        return recorder.runId();
    }

    public RunRecorder listener() {
        return recorder;
    }

    /** The body, hashed as it is read. */
    public InputStream wrap(InputStream body) {
        return new DigestInputStream(body, sha);
    }

    /** Reads what the source left of the body (for the hash) and writes the manifest. */
    public void finish(InputStream body, String format) throws IOException {
        body.transferTo(java.io.OutputStream.nullOutputStream());
        recorder.finish(HexFormat.of().formatHex(sha.digest()), format, started, Instant.now());
    }

    /** A stream whose close does not close the body (the source closes what it was given). */
    public static InputStream unclosable(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
