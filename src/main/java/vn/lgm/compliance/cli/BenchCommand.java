package vn.lgm.compliance.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.JsonLinesSource;
import vn.lgm.compliance.regulator.audit.LeanWriter;
import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.texts.FindingLocalizer;

/**
 * {@code bench}: generates N synthetic projects and measures, in the same run, (a) reading, parsing and writing
 * them without rules — the I/O floor — (b) the full audit and (c) the audit with lean lines; then (d) the engine
 * alone on parsed projects; prints the throughputs and their ratios, for a first (cold) pass and for later ones, and
 * the CPU time each record costs.
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

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--passes", description = "Passes over the input, each measuring (a) and (b); the last is reported (default: ${DEFAULT-VALUE})", defaultValue = "2")
    int passes;

    @Option(names = "--rules", defaultValue = "rules")
    Path rules;

    @Override
    public Integer call() throws Exception {
        if (passes < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--passes: expected 1 or more, found " + passes);
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        Assessor assessor = new Assessor(RuleBase.load(rules));
        Path dir = workDir == null ? Files.createTempDirectory("lgm-bench") : Files.createDirectories(workDir);
        Path input = dir.resolve("synthetic-" + records + ".jsonl");
        long t0 = System.nanoTime();
        SyntheticProjects.write(input, records, seed);
        System.out.printf("generated %,d projects in %.1f s (%s, %,d bytes); %d worker threads, max heap %,d MB%n", records,
                (System.nanoTime() - t0) / 1e9, input, Files.size(input), n, Runtime.getRuntime().maxMemory() >> 20);
        // Each pass runs (a) then (b) over the whole input. The first pass is what a one-off `audit` run sees: the JIT
        // is still compiling the rules' generated classes. Later passes show the rate the JVM settles at.
        Pass floor = null;
        Pass full = null;
        Pass lean = null;
        for (int pass = 1; pass <= passes; pass++) {
            floor = measure(assessor, input, dir.resolve("io-floor.ndjson"), n, AuditRunner.Mode.IO_ONLY, null);
            full = measure(assessor, input, dir.resolve("audit.ndjson"), n, AuditRunner.Mode.ASSESS, LeanWriter.Detail.FULL);
            lean = measure(assessor, input, dir.resolve("audit-lean.ndjson"), n, AuditRunner.Mode.ASSESS, LeanWriter.Detail.LEAN);
            System.out.printf("pass %d%s: (a) I/O floor %,.0f projects/s (%,.0f us CPU each); (b) full audit %,.0f projects/s"
                            + " (%,.0f us CPU each, %,d bytes a line); (c) lean audit %,.0f projects/s (%,.0f us CPU each, %,d bytes a line)%n",
                    pass, pass == 1 ? " (cold JVM)" : "", floor.perSecond(), floor.cpuMicros(), full.perSecond(), full.cpuMicros(),
                    full.bytesPerRecord(), lean.perSecond(), lean.cpuMicros(), lean.bytesPerRecord());
        }
        Pass engine = engineAlone(assessor, input, n, null);
        Pass engineWithTexts = engineAlone(assessor, input, n, FindingLocalizer.of(assessor.rules()));
        System.out.printf("(a) I/O floor (read, parse, write; no rules): %,.0f projects/s%n", floor.perSecond());
        System.out.printf("(b) full audit (read, parse, assess, write):  %,.0f projects/s%n", full.perSecond());
        System.out.printf("(c) lean audit (the same, lean lines):        %,.0f projects/s%n", lean.perSecond());
        System.out.printf("(d) engine alone (assess parsed projects as the lean audit does, no reading or writing): %,.0f projects/s (%,.0f us CPU each)%n",
                engine.perSecond(), engine.cpuMicros());
        System.out.printf("(e) engine alone with the findings' texts written for the reader (as the full audit does): %,.0f projects/s (%,.0f us CPU each)%n",
                engineWithTexts.perSecond(), engineWithTexts.cpuMicros());
        System.out.printf("ratio (b)/(a): %.2f; (c)/(a): %.2f; (c)/(d): %.2f; (b)/(e): %.2f%n", full.perSecond() / floor.perSecond(),
                lean.perSecond() / floor.perSecond(), lean.perSecond() / engine.perSecond(),
                full.perSecond() / engineWithTexts.perSecond());
        breakdown(assessor, input, n);
        if (!keep) {
            for (String f : new String[] {"io-floor.ndjson", "audit.ndjson", "audit-lean.ndjson", input.getFileName().toString()}) {
                Files.deleteIfExists(dir.resolve(f));
            }
            if (workDir == null) {
                Files.deleteIfExists(dir);
            }
        }
        return 0;
    }

    /**
     * Where a record's time goes, on one thread, with the JIT settled by the passes: reading, the rule engine with no
     * rule allowed to fire (inserting the facts, matching, resetting the session), with only the definitions, with
     * every rule, and writing the assessment. The sum bounds what the cores can do, whatever the pipeline around it.
     */
    private static void breakdown(Assessor assessor, Path input, int cores) throws IOException {
        List<String> lines;
        try (var all = Files.lines(input)) {
            lines = all.limit(20_000).toList();
        }
        Set<String> findingRules = new HashSet<>();
        Set<String> allRules = new HashSet<>();
        for (RuleInfo rule : assessor.rules().catalogue()) {
            allRules.add(rule.id());
            if (!rule.isDefinition()) {
                findingRules.add(rule.id());
            }
        }
        Assessor.Options noRule = new Assessor.Options(allRules, Map.of(), null);
        Assessor.Options definitionsOnly = new Assessor.Options(findingRules, Map.of(), null);
        ProjectReader reader = ProjectReader.json();
        ObjectWriter writer = Json.json().writer();
        FindingLocalizer texts = FindingLocalizer.of(assessor.rules());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long t0 = threads.getCurrentThreadCpuTime();
        List<Project> projects = new ArrayList<>(lines.size());
        for (String line : lines) {
            projects.add(reader.read(line).project());
        }
        long t1 = threads.getCurrentThreadCpuTime();
        for (Project p : projects) {
            assessor.assess(p, noRule);
        }
        long t2 = threads.getCurrentThreadCpuTime();
        for (Project p : projects) {
            assessor.assess(p, definitionsOnly);
        }
        long t3 = threads.getCurrentThreadCpuTime();
        // assessed and written a chunk at a time: 20,000 full assessments held at once would not fit in -Xmx256m
        long assessNanos = 0;
        long writeNanos = 0;
        long bytes = 0;
        List<Assessment> assessments = new ArrayList<>(500);
        for (int from = 0; from < projects.size(); from += 500) {
            long a0 = threads.getCurrentThreadCpuTime();
            for (Project p : projects.subList(from, Math.min(projects.size(), from + 500))) {
                assessments.add(texts.localize(assessor.assess(p, Assessor.Options.WITHOUT_TEXTS), p, "en"));
            }
            long a1 = threads.getCurrentThreadCpuTime();
            for (Assessment a : assessments) {
                bytes += writer.writeValueAsBytes(a).length;
            }
            writeNanos += threads.getCurrentThreadCpuTime() - a1;
            assessNanos += a1 - a0;
            assessments.clear();
        }
        double k = 1e3 * projects.size();
        double read = (t1 - t0) / k;
        double assess = assessNanos / k;
        double write = writeNanos / k;
        System.out.printf("one thread, CPU per record over %,d records: read %.1f us; rules engine with no rule firing %.1f us,"
                        + " with the definitions only %.1f us, with every rule and the findings' texts %.1f us; writing the assessment %.1f us (%,d bytes)%n",
                projects.size(), read, (t2 - t1) / k, (t3 - t2) / k, assess, write, bytes / projects.size());
        System.out.printf("bound on %d cores from these alone: %,.0f projects/s%n", cores, cores * 1e6 / (read + assess + write));
    }

    /** One pass: records per second, the process's CPU time per record (all threads, the JIT's and GC's too), bytes a line. */
    private record Pass(double perSecond, double cpuMicros, long bytesPerRecord) {
    }

    /**
     * The engine alone: the first (up to) 50,000 projects parsed beforehand, then assessed on the worker threads
     * with nothing read or written — what the audit would do if I/O cost nothing; with {@code texts}, each
     * assessment's findings then written for the reader, as a full line is. Twice; the second is reported.
     */
    private static Pass engineAlone(Assessor assessor, Path input, int threads, FindingLocalizer texts) throws Exception {
        List<Project> projects = new ArrayList<>();
        ProjectReader reader = ProjectReader.json();
        try (var all = Files.lines(input)) {
            all.limit(50_000).forEach(line -> projects.add(reader.read(line).project()));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Pass result = null;
        for (int round = 0; round < 2; round++) {
            java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            long cpu = os.getProcessCpuTime();
            long start = System.nanoTime();
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i; (i = next.getAndIncrement()) < projects.size(); ) {
                        Assessment a = assessor.assess(projects.get(i), Assessor.Options.WITHOUT_TEXTS);
                        if (texts != null) {
                            texts.localize(a, projects.get(i), "en");
                        }
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
            pool.shutdown();
            double seconds = (System.nanoTime() - start) / 1e9;
            result = new Pass(projects.size() / seconds, (os.getProcessCpuTime() - cpu) / 1e3 / projects.size(), 0);
        }
        return result;
    }

    private static Pass measure(Assessor assessor, Path input, Path output, int threads, AuditRunner.Mode mode,
                                LeanWriter.Detail detail) throws IOException {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        long records;
        try (InputStream in = Files.newInputStream(input);
             JsonLinesSource source = new JsonLinesSource(in);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16)) {
            records = new AuditRunner(assessor, null, null, threads, mode).detail(detail).run(source, out, null);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Pass(records / seconds, (os.getProcessCpuTime() - cpu) / 1e3 / records, Files.size(output) / Math.max(1, records));
    }
}
