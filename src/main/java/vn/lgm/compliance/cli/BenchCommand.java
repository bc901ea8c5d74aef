package vn.lgm.compliance.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.lgm.compliance.audit.AuditRunner;
import vn.lgm.compliance.audit.JsonLinesSource;
import vn.lgm.compliance.bench.Generator;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;

/**
 * {@code bench}: generates N synthetic projects and measures, in the same run, (a) reading, parsing and writing
 * them without rules — the I/O floor — and (b) the full audit; prints both throughputs and their ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure audit throughput against the I/O floor on N synthetic projects.")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--records", description = "Synthetic projects to generate (default: ${DEFAULT-VALUE})", defaultValue = "200000")
    long records;

    @Option(names = "--threads", description = "Worker threads (default: all cores)")
    Integer threads;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--work-dir", description = "Where the generated input and the outputs go (default: a temporary folder)")
    Path workDir;

    @Option(names = "--keep", description = "Keep the generated files")
    boolean keep;

    @Option(names = "--rules", defaultValue = "rules")
    Path rules;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Path dir = workDir == null ? Files.createTempDirectory("lgm-bench") : Files.createDirectories(workDir);
        Path input = dir.resolve("synthetic-" + records + ".jsonl");
        long t0 = System.nanoTime();
        Generator.write(input, records, seed);
        System.out.printf("generated %,d projects in %.1f s (%s, %,d bytes); %d worker threads, max heap %,d MB%n", records,
                (System.nanoTime() - t0) / 1e9, input, Files.size(input), n, Runtime.getRuntime().maxMemory() >> 20);
        Assessor assessor = new Assessor(RuleBase.load(rules));
        // Warm-up: both paths, so the JIT has compiled them before either is measured.
        long warm = Math.min(records, 20_000);
        measure(assessor, input, dir.resolve("warm.ndjson"), n, AuditRunner.Mode.IO_ONLY, warm);
        measure(assessor, input, dir.resolve("warm.ndjson"), n, AuditRunner.Mode.ASSESS, warm);
        double floor = measure(assessor, input, dir.resolve("io-floor.ndjson"), n, AuditRunner.Mode.IO_ONLY, Long.MAX_VALUE);
        double full = measure(assessor, input, dir.resolve("audit.ndjson"), n, AuditRunner.Mode.ASSESS, Long.MAX_VALUE);
        System.out.printf("(a) I/O floor (read, parse, write; no rules): %,.0f projects/s%n", floor);
        System.out.printf("(b) full audit (read, parse, assess, write):  %,.0f projects/s%n", full);
        System.out.printf("ratio (b)/(a): %.2f%n", full / floor);
        if (!keep) {
            for (String f : new String[] {"warm.ndjson", "io-floor.ndjson", "audit.ndjson", input.getFileName().toString()}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            if (workDir == null) {
                Files.deleteIfExists(dir);
            }
        }
        return 0;
    }

    /** Records per second for one pass over (at most {@code limit} records of) the input. */
    private static double measure(Assessor assessor, Path input, Path output, int threads, AuditRunner.Mode mode, long limit)
            throws IOException {
        AtomicLong count = new AtomicLong();
        long start = System.nanoTime();
        try (InputStream in = Files.newInputStream(input);
             JsonLinesSource source = new JsonLinesSource(in) {
                 @Override
                 public Raw next() throws IOException {
                     return count.get() >= limit ? null : countNext(super.next());
                 }

                 private Raw countNext(Raw raw) {
                     if (raw != null) {
                         count.incrementAndGet();
                     }
                     return raw;
                 }
             };
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            new AuditRunner(assessor, null, null, threads, mode).run(source, out, null);
        }
        return count.get() / ((System.nanoTime() - start) / 1e9);
    }
}
