package vn.lgm.compliance.regulator.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Project;

/**
 * Audits a stream of records: read on one thread, parsed and assessed in batches on all cores, written in input
 * order. Memory is bounded by the window of batches in flight, never by the input size. Every record gives exactly
 * one output line: its assessment, or {@code {"line": N, "id": …, "errors": [...]}}. Reading and assessing a
 * record are contained (any {@link Throwable}: a stack overflow, a rule that loops, even running out of memory on
 * one record becomes that record's error line, logged once with its line and id). A run that stops before the end
 * of its input — a signal, the output failing, the input failing to be read — ends its output with one
 * {@code {"incomplete": …}} line saying why and how far it got, and its {@link Outcome} says so.
 */
public final class AuditRunner {

    private static final Logger LOG = Logger.getLogger(AuditRunner.class);

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

    /**
     * How a run ended. {@code records} is counted by the reader as it splits records off, whatever they hold;
     * {@code assessed} and {@code errors} by the writer. Complete only when the input was read to its end, nothing
     * stopped the run, and records in = assessed + errors.
     */
    public record Outcome(long records, long assessed, long errors, boolean readToEnd, String stopped,
                          List<String> warnings) {
        public boolean complete() {
            return stopped == null && readToEnd && records == assessed + errors;
        }

        public long written() {
            return assessed + errors;
        }
    }

    /** Asks a run to stop early (a signal, a client gone): it stops reading and ends its output honestly. */
    public static final class Stop {
        private final AtomicReference<String> reason = new AtomicReference<>();

        public void request(String why) {
            reason.compareAndSet(null, why);
        }

        public String reason() {
            return reason.get();
        }
    }

    private static final ObjectWriter WRITER = Json.json().writer();
    private static final int BATCH = 64;

    private final Assessor assessor;
    private final LocalDate asOf;
    private final LocalDate compareAsOf;
    private final int threads;
    private final Mode mode;
    private boolean comparisonLines;
    private vn.lgm.compliance.contract.input.LawSpan span;
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

    /**
     * With {@code compareAsOf}, writes after each assessment one comparison line (the HTTP audit, which has no
     * report): {@code {"line", "projectId", "lawAsOf", "compareAsOf", "verdict", "comparedVerdict", "appeared",
     * "disappeared"}}, the findings ("RULE OUTCOME") present at one date and not the other.
     */
    public AuditRunner withComparisonLines() {
        this.comparisonLines = true;
        return this;
    }

    /** Refuses, as the record's error, an assessment date outside the span the rules encode. */
    public AuditRunner withSpan(vn.lgm.compliance.contract.input.LawSpan span) {
        this.span = span;
        return this;
    }

    /** Runs the whole source; returns the number of records written. */
    public long run(RecordSource source, OutputStream out, Consumer<Result> listener) throws IOException {
        Outcome o = run(source, out, listener, new Stop());
        if (o.stopped() != null) {
            throw new IOException("audit stopped: " + o.stopped());
        }
        return o.written();
    }

    /**
     * Runs the source until its end or until asked to stop. Never throws for a record; an output that cannot be
     * written ends the run (reported in the outcome, the final line attempted).
     */
    public Outcome run(RecordSource source, OutputStream out, Consumer<Result> listener, Stop stop) {
        ExecutorService workers = Executors.newFixedThreadPool(threads, daemon("audit-worker"));
        BlockingQueue<CompletableFuture<List<Result>>> window = new ArrayBlockingQueue<>(threads * 4);
        CompletableFuture<List<Result>> end = CompletableFuture.completedFuture(null);
        AtomicReference<String> readFailure = new AtomicReference<>();
        Thread reader = daemon("audit-reader").newThread(() -> {
            List<RecordSource.Raw> batch = new ArrayList<>(BATCH);
            try {
                RecordSource.Raw raw;
                while (stop.reason() == null && (raw = source.next()) != null) {
                    batch.add(raw);
                    if (batch.size() == BATCH) {
                        List<RecordSource.Raw> full = batch;
                        batch = new ArrayList<>(BATCH);
                        window.put(submit(workers, source, full));
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                readFailure.set("the input could not be read past record " + source.records() + ": " + oneLine(e));
            } finally {
                try {
                    // Every record split off gets its line, even when reading failed after it.
                    if (!batch.isEmpty() && !Thread.currentThread().isInterrupted()) {
                        window.put(submit(workers, source, batch));
                    }
                    window.put(end);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        reader.start();
        long assessed = 0;
        long errors = 0;
        String stopped = null;
        try {
            while (true) {
                CompletableFuture<List<Result>> next = window.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (next == null) {
                    if (stop.reason() != null) {
                        break; // asked to stop while the reader waits for input: do not wait for it
                    }
                    continue;
                }
                if (next == end) {
                    break;
                }
                for (Result r : next.get()) {
                    out.write(r.line());
                    out.write('\n');
                    if (r.ok()) {
                        assessed++;
                        if (comparisonLines && r.compared() != null) {
                            out.write(comparison(r));
                            out.write('\n');
                        }
                    } else {
                        errors++;
                    }
                    if (listener != null) {
                        listener.accept(r);
                    }
                }
                out.flush(); // each batch reaches the file or the client as it is done
            }
            if (stop.reason() == null) {
                reader.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = "interrupted";
        } catch (ExecutionException e) {
            // process() never throws; a batch can only fail if its thread pool was shut down under it.
            stopped = "a batch of records failed: " + oneLine(e.getCause());
        } catch (IOException | UncheckedIOException e) {
            stopped = "the output could not be written: " + oneLine(e);
        } catch (Throwable e) {
            stopped = "the run failed: " + oneLine(e);
        } finally {
            reader.interrupt();
            workers.shutdownNow();
        }
        if (stopped == null) {
            stopped = stop.reason() != null ? stop.reason() : readFailure.get();
        }
        Outcome outcome = new Outcome(source.records(), assessed, errors, source.atEnd() && stopped == null, stopped,
                source.warnings());
        try {
            if (!outcome.complete()) {
                Map<String, Object> why = new LinkedHashMap<>();
                why.put("reason", stopped != null ? stopped : outcome.readToEnd() ? "records in != assessed + errors"
                        : "the input was not read to its end");
                why.put("records", outcome.records());
                why.put("assessed", assessed);
                why.put("errors", errors);
                out.write(bytes(Map.of("incomplete", why)));
                out.write('\n');
            }
            out.flush();
        } catch (IOException | RuntimeException e) {
            // the output itself is gone; the outcome still says what happened
        }
        if (outcome.stopped() != null) {
            LOG.warnf("audit stopped after %d records (%d assessed, %d errors): %s", outcome.records(), assessed, errors,
                    outcome.stopped());
        }
        return outcome;
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
        } catch (Throwable e) {
            LOG.warnf("audit: record at line %d could not be read: %s", raw.line(), oneLine(e));
            in = new InputRecord(raw.line(), null, null, List.of(new InputError("$", "the record could not be read: "
                    + describe(e))));
        }
        try {
            if (!in.ok()) {
                return new Result(in, null, null, bytes(new ErrorLine(in.line(), in.id(), in.errors())));
            }
            Project project = asOf == null ? in.project() : in.project().withAssessmentDate(asOf);
            InputError outside = span == null || asOf != null ? null : span.check("assessmentDate", project.assessmentDate());
            if (outside != null) {
                InputRecord refused = new InputRecord(in.line(), in.id(), null, List.of(outside));
                return new Result(refused, null, null, bytes(new ErrorLine(in.line(), in.id(), refused.errors())));
            }
            if (mode == Mode.IO_ONLY) {
                return new Result(in, null, null, bytes(project));
            }
            // a lean line carries what rebuilds the findings' texts: they are not written for it
            Assessor.Options options = detail == LeanWriter.Detail.LEAN ? Assessor.Options.WITHOUT_TEXTS : Assessor.Options.NONE;
            Assessment assessment = assessor.assess(project, options);
            Assessment compared = compareAsOf == null ? null : assessor.assess(project.withAssessmentDate(compareAsOf), options);
            return new Result(in, assessment, compared, bytes(detail == LeanWriter.Detail.LEAN
                    ? LeanWriter.lean(assessment) : assessment));
        } catch (Throwable e) {
            LOG.warnf("audit: record at line %d (id %s) failed: %s", in.line(), in.id(), oneLine(e));
            InputRecord failed = new InputRecord(in.line(), in.id(), null,
                    List.of(new InputError("$", "the assessment failed: " + describe(e))));
            return new Result(failed, null, null, bytes(new ErrorLine(in.line(), in.id(), failed.errors())));
        }
    }

    /** A failure in words: the message of our own exceptions, the kind of a JVM error, never a stack trace. */
    private static String describe(Throwable e) {
        if (e instanceof StackOverflowError) {
            return "the record is nested too deeply to be processed";
        }
        if (e instanceof OutOfMemoryError) {
            return "the record needs more memory than the audit has";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : oneLine(e);
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        m = m.replace('\n', ' ');
        return m.length() > 500 ? m.substring(0, 500) + "…" : m;
    }

    private byte[] comparison(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("line", r.input().line());
        m.put("projectId", r.assessment().projectId());
        m.put("lawAsOf", r.assessment().lawAsOf());
        m.put("compareAsOf", r.compared().lawAsOf());
        m.put("verdict", r.assessment().verdict());
        m.put("comparedVerdict", r.compared().verdict());
        TreeSet<String> now = keys(r.assessment());
        TreeSet<String> then = keys(r.compared());
        m.put("appeared", now.stream().filter(k -> !then.contains(k)).toList());
        m.put("disappeared", then.stream().filter(k -> !now.contains(k)).toList());
        return bytes(Map.of("comparison", m));
    }

    private static TreeSet<String> keys(Assessment a) {
        TreeSet<String> keys = new TreeSet<>();
        for (Finding f : a.findings()) {
            f.ruleIds().forEach(id -> keys.add(id + " " + f.outcome()));
        }
        return keys;
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
