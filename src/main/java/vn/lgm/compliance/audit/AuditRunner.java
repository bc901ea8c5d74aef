package vn.lgm.compliance.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.InputError;
import vn.lgm.compliance.engine.Json;
import vn.lgm.compliance.model.Assessment;
import vn.lgm.compliance.model.Project;

/**
 * Audits a stream of records: read on one thread, parsed and assessed in batches on all cores, written in input
 * order. Memory is bounded by the window of batches in flight, never by the input size. Every record gives exactly
 * one output line: its assessment, or {@code {"line": N, "id": …, "errors": [...]}}; nothing stops the run but
 * an I/O failure of the output itself.
 */
public final class AuditRunner {

    /** What one record came to, handed in input order to the listener (report, progress). */
    public record Result(InputRecord input, Assessment assessment, Assessment compared, byte[] line) {
        public boolean ok() {
            return assessment != null;
        }

        public List<InputError> errors() {
            return input.errors();
        }
    }

    /** What is done to each parsed project: the full assessment, or (for the benchmark's I/O floor) nothing. */
    public enum Mode { ASSESS, IO_ONLY }

    /** An error line as the contract's batch output shows it. */
    public record ErrorLine(long line, String id, List<InputError> errors) {
    }

    private static final ObjectWriter WRITER = Json.json().writer();
    private static final int BATCH = 64;

    private final Assessor assessor;
    private final LocalDate asOf;
    private final LocalDate compareAsOf;
    private final int threads;
    private final Mode mode;
    private LeanWriter.Detail detail = LeanWriter.Detail.FULL;

    public AuditRunner(Assessor assessor, LocalDate asOf, LocalDate compareAsOf, int threads, Mode mode) {
        this.assessor = assessor;
        this.asOf = asOf;
        this.compareAsOf = compareAsOf;
        this.threads = Math.max(1, threads);
        this.mode = mode;
    }

    public AuditRunner(Assessor assessor, LocalDate asOf, LocalDate compareAsOf) {
        this(assessor, asOf, compareAsOf, Runtime.getRuntime().availableProcessors(), Mode.ASSESS);
    }

    /** Lean or full lines (default full); see {@link LeanWriter}. */
    public AuditRunner detail(LeanWriter.Detail detail) {
        this.detail = detail == null ? LeanWriter.Detail.FULL : detail;
        return this;
    }

    /** Runs the whole source; returns the number of records written. */
    public long run(RecordSource source, OutputStream out, Consumer<Result> listener) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("audit-worker"));
        BlockingQueue<CompletableFuture<List<Result>>> window = new ArrayBlockingQueue<>(threads * 4);
        CompletableFuture<List<Result>> end = CompletableFuture.completedFuture(null);
        Thread reader = daemon("audit-reader").newThread(() -> {
            try {
                List<RecordSource.Raw> batch = new ArrayList<>(BATCH);
                RecordSource.Raw raw;
                while ((raw = source.next()) != null) {
                    batch.add(raw);
                    if (batch.size() == BATCH) {
                        window.put(submit(workers, source, batch));
                        batch = new ArrayList<>(BATCH);
                    }
                }
                if (!batch.isEmpty()) {
                    window.put(submit(workers, source, batch));
                }
            } catch (IOException e) {
                window.offer(CompletableFuture.failedFuture(new UncheckedIOException(e)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                window.offer(CompletableFuture.failedFuture(e));
            } finally {
                try {
                    window.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        reader.start();
        long written = 0;
        try {
            while (true) {
                CompletableFuture<List<Result>> next = window.take();
                if (next == end) {
                    break;
                }
                for (Result r : next.get()) {
                    out.write(r.line());
                    out.write('\n');
                    written++;
                    if (listener != null) {
                        listener.accept(r);
                    }
                }
            }
            out.flush();
            return written;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("audit interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UncheckedIOException u) {
                throw u.getCause();
            }
            throw new IllegalStateException("audit failed: " + cause, cause);
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
    }

    private CompletableFuture<List<Result>> submit(ExecutorService workers, RecordSource source, List<RecordSource.Raw> batch) {
        return CompletableFuture.supplyAsync(() -> {
            List<Result> results = new ArrayList<>(batch.size());
            for (RecordSource.Raw raw : batch) {
                results.add(process(source, raw));
            }
            return results;
        }, workers);
    }

    /** One record, never throwing: a problem anywhere becomes the record's error line. */
    Result process(RecordSource source, RecordSource.Raw raw) {
        InputRecord in;
        try {
            in = source.parse(raw);
        } catch (RuntimeException e) {
            in = new InputRecord(raw.line(), null, null, List.of(new InputError("$", "cannot be read: " + e)));
        }
        if (!in.ok()) {
            return new Result(in, null, null, bytes(new ErrorLine(in.line(), in.id(), in.errors())));
        }
        try {
            Project project = asOf == null ? in.project() : in.project().withAssessmentDate(asOf);
            if (mode == Mode.IO_ONLY) {
                return new Result(in, null, null, bytes(project));
            }
            Assessment assessment = assessor.assess(project);
            Assessment compared = compareAsOf == null ? null : assessor.assess(project.withAssessmentDate(compareAsOf));
            return new Result(in, assessment, compared, bytes(detail == LeanWriter.Detail.LEAN
                    ? LeanWriter.lean(assessment, assessor.rules()) : assessment));
        } catch (RuntimeException e) {
            InputRecord failed = new InputRecord(in.line(), in.id(), null,
                    List.of(new InputError("$", "the assessment failed: " + e)));
            return new Result(failed, null, null, bytes(new ErrorLine(in.line(), in.id(), failed.errors())));
        }
    }

    private static byte[] bytes(Object value) {
        try {
            return WRITER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
