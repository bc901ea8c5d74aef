package vn.lgm.compliance.lawyer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

import org.jboss.logging.Logger;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleLoadException;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.CaseResult;
import vn.lgm.compliance.engine.cases.CaseRunner;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.texts.FindingLocalizer;

/**
 * Whether edited rules may replace the rules in force: they must load (compile, with their metadata checked), their
 * reader's texts must load with them ({@code rules/i18n/vi.yaml} checked against the rules), and every case under
 * {@code cases/} must pass on them. Framework-free: the service's reload (the endpoint, SIGHUP, the watch) asks it
 * and swaps only what it accepts.
 */
public final class RuleReload {

    private static final Logger LOG = Logger.getLogger(RuleReload.class);

    /** What a reload did. */
    public record ReloadResult(boolean swapped, String rulesVersion, String previousVersion, String message,
                               List<String> failingCases) {
    }

    /** The last reload of this process: what started it (the endpoint, SIGHUP, or the watch and the files it saw). */
    public record LastReload(String trigger, Instant at, ReloadResult result) {
    }

    /** The edited rules accepted, with their reader's texts; or refused ({@code rules} null) with why. */
    public record Check(Assessor assessor, FindingLocalizer localizer, String refusal, List<String> failingCases) {

        public boolean accepted() {
            return refusal == null;
        }
    }

    private RuleReload() {
    }

    /** Loads {@code rules} (through the rule cache: only edited packages compile) and runs every case on them. */
    public static Check check(Path rules, Path cases) {
        RuleBase next;
        FindingLocalizer localizer;
        try {
            next = RuleBase.load(rules);
            localizer = FindingLocalizer.load(next);
        } catch (RuleLoadException e) {
            LOG.warn("Reload refused: " + e.getMessage());
            return new Check(null, null, "Rule error: " + e.getMessage(), List.of());
        }
        Assessor candidate = new Assessor(next);
        if (Files.isDirectory(cases)) {
            CaseRunner runner = new CaseRunner(candidate);
            List<TestCase> all = new CaseLoader().loadAll(cases);
            List<String> failing = inAppPool(() -> all.parallelStream().map(runner::run)
                    .filter(r -> !r.passed()).map(RuleReload::describe).sorted().toList());
            if (!failing.isEmpty()) {
                LOG.warnf("Reload refused: %d case(s) fail with the new rules:%n  %s%s", failing.size(),
                        String.join("\n  ", failing.subList(0, Math.min(20, failing.size()))),
                        failing.size() > 20 ? "\n  ..." : "");
                return new Check(null, null, failing.size() + " case(s) fail with the new rules;"
                        + " the rules in force are unchanged", failing);
            }
        }
        return new Check(candidate, localizer, null, List.of());
    }

    /**
     * Runs the parallel work in a pool of its own whose threads have this application's class loader as their context
     * class loader (Drools finds its services through it), whichever thread reloads: the endpoint's, SIGHUP's, the
     * watch's. The common pool's threads may carry another loader.
     */
    private static <T> T inAppPool(Callable<T> work) {
        ForkJoinPool pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("rules-reload-" + t.getPoolIndex());
            t.setContextClassLoader(RuleReload.class.getClassLoader());
            t.setDaemon(true);
            return t;
        }, null, false);
        try {
            return pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running the cases", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private static String describe(CaseResult r) {
        return r.testCase().id() + " (" + r.testCase().file() + "): " + String.join("; ", r.problems());
    }
}
