package vn.lgm.compliance.lawyer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;

/**
 * Coverage of the law by the loaded rules and of the rules by the cases, computed in the background: at start-up
 * and again after the rules are reloaded (then incrementally, rerunning only what the changed rules touch). A
 * request never waits for it: until the first report is ready it gets the run's progress instead; after a reload,
 * the last report until the new one is ready.
 */
@Singleton
public class CoverageService {

    private static final Logger LOG = Logger.getLogger(CoverageService.class);

    /** Either the report, or why there is none yet (the progress of the run, or an error), with what a run checks. */
    public record State(CoverageReport report, CoverageRunner.Progress progress, String error, Plan plan) {
        public boolean ready() {
            return report != null;
        }
    }

    /** What a run checks, known before it starts: the cases it runs, the rules it switches off, the thresholds it nudges. */
    public record Plan(int cases, int rules, int thresholds) {
    }

    @Inject
    LiveRuleSet live;

    @ConfigProperty(name = "cases.dir", defaultValue = "cases")
    String casesDir;

    @ConfigProperty(name = "coverage.at-startup", defaultValue = "true")
    boolean atStartup;

    /**
     * How long after start-up the coverage run begins: on two cores the first requests (and their JIT) go first —
     * measured, the first answer came 0.6 s sooner without the run beside it.
     */
    @ConfigProperty(name = "coverage.startup-delay-ms", defaultValue = "5000")
    long startupDelayMillis;

    /**
     * The coverage's parallel work runs in its own pool, one thread short of the cores (at least one), so requests
     * keep a core while it runs at start-up.
     */
    private final ForkJoinPool worker = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors() - 1),
            pool -> {
                ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
                t.setName("coverage-" + t.getPoolIndex());
                // Drools finds its services through the context class loader: the application's, not the system's.
                t.setContextClassLoader(CoverageService.class.getClassLoader());
                t.setDaemon(true);
                return t;
            }, null, false);
    private volatile CoverageReport report;
    private volatile CoverageRunner running;
    private volatile CoverageRunner last;
    private volatile String error;
    private volatile CompletableFuture<CoverageReport> pending;

    void onStart(@Observes StartupEvent event) {
        if (atStartup) {
            CompletableFuture.delayedExecutor(startupDelayMillis, java.util.concurrent.TimeUnit.MILLISECONDS, worker)
                    .execute(() -> {
                        synchronized (this) {
                            if (pending == null) {   // not already started by a request (awaitReport) or a reload
                                compute(live.rules());
                            }
                        }
                    });
        }
    }

    /** Starts computing the coverage of these rules (after a reload: incrementally from the last run). */
    public synchronized CompletableFuture<CoverageReport> compute(RuleBase rules) {
        Path cases = Path.of(casesDir);
        ProvisionRegister register = ProvisionRegister.load(rules.dir().resolve("provisions.yaml"));
        CoverageRunner runner = new CoverageRunner(rules, register);
        running = runner;
        plan = null;   // counted again for these rules
        CompletableFuture<CoverageReport> f = CompletableFuture.supplyAsync(() -> {
            if (!Files.isDirectory(cases)) {
                throw new IllegalStateException("No cases directory at " + cases.toAbsolutePath() + " (set cases.dir)");
            }
            CoverageReport r = runner.rerun(new CaseLoader().loadAll(cases), last);
            LOG.infof("Coverage computed in %d ms (%s)", r.summary().durationMillis(), runner.rerunSummary());
            return r;
        }, worker).whenComplete((r, e) -> {
            if (e != null) {
                error = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
                LOG.error("Coverage not computed: " + error);
            } else {
                report = r;
                last = runner;
                error = null;
            }
        });
        pending = f;
        return f;
    }

    /** The report if there is one, else the progress of the run under way; never blocks. */
    public State state() {
        CoverageReport r = report;
        CoverageRunner run = running;
        return new State(r, run == null ? new CoverageRunner.Progress(atStartup ? "starting shortly after start-up"
                : "not started", 0, 0) : run.progress(), error, r == null ? plan() : null);
    }

    private volatile Plan plan;

    /** The totals of the rules in force and the case files (counted, not read), known from the start. */
    private Plan plan() {
        Plan p = plan;
        RuleBase rules = live.rules();
        if (p == null) {
            int cases;
            try {
                cases = CaseLoader.files(Path.of(casesDir)).size();
            } catch (RuntimeException e) {
                cases = 0;   // no cases folder: the run says so
            }
            p = new Plan(cases, rules.catalogue().size(), rules.parameters().all().size());
            plan = p;
        }
        return p;
    }

    /** For tests and tools: waits for the run under way (if any) to finish and returns the latest report. */
    public CoverageReport awaitReport() throws InterruptedException, ExecutionException {
        CompletableFuture<CoverageReport> f;
        synchronized (this) {
            f = pending;
            if (f == null) {
                f = compute(live.rules());
            }
        }
        f.get();
        return report;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
