package vn.lgm.compliance.texts;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

import org.jboss.logging.Logger;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;

/**
 * The rules read (from the rule cache, or compiled), with their reader's texts, on a thread of their own while Quarkus
 * boots on the main thread,
 * then one assessment made, localized and written to warm the engine's and the texts' code: on two cores the rules' load and the first
 * assessment's class loading overlap the framework's start instead of following it. The service's rules in force ({@code api/LiveRules}) take the
 * result when it first needs the rules; if the preload was not started, read another folder, or failed, it loads
 * the rules itself (and reports any error as it always has).
 */
public final class RulesPreload {

    private static final Logger LOG = Logger.getLogger(RulesPreload.class);
    /** A minimal project that fires the definitions and a spread of rules (an operating quarry, first screen). */
    private static final String WARM_UP = "{\"id\":\"warm-up\",\"assessmentDate\":\"2026-03-01\",\"activities\":[\"EXPLOITATION\",\"EXPORT\"],"
            + "\"minerals\":[{\"name\":\"RARE_EARTH\"}],\"stage\":\"OPERATING\",\"licence\":{\"type\":\"EXPLOITATION\"},"
            + "\"exports\":[{\"mineral\":\"RARE_EARTH\",\"product\":\"CONCENTRATE\"}]}";

    /** The rules read, and their reader's texts (null when those did not load: the caller loads them and reports why). */
    public record Preloaded(RuleBase rules, FindingLocalizer localizer) {
    }

    private static volatile Path dir;
    private static volatile CompletableFuture<Preloaded> future;

    private RulesPreload() {
    }

    /** Starts reading the rules of {@code rules.dir} (system property, else RULES_DIR, else "rules"). */
    public static void start() {
        String setting = System.getProperty("rules.dir", System.getenv().getOrDefault("RULES_DIR", "rules"));
        Path d = Path.of(setting).toAbsolutePath().normalize();
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        CompletableFuture<Preloaded> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                RuleBase rules = RuleBase.load(d);
                FindingLocalizer localizer = localizer(rules);
                f.complete(new Preloaded(rules, localizer));
                warmUp(rules, localizer);
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "rules-preload");
        t.setContextClassLoader(loader);
        t.setDaemon(true);
        dir = d;
        future = f;
        t.start();
    }

    private static FindingLocalizer localizer(RuleBase rules) {
        try {
            return FindingLocalizer.load(rules);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void warmUp(RuleBase rules, FindingLocalizer localizer) {
        try {
            var project = ProjectReader.json().read(WARM_UP).project();
            var assessment = new Assessor(rules).assess(project, Assessor.Options.WITHOUT_TEXTS);
            // the reader's texts too (the page's words, the form's labels): what the first answer writes
            Json.json().writeValueAsBytes(localizer == null ? assessment : localizer.localize(assessment, project, "en"));
        } catch (Exception | LinkageError e) {
            LOG.debug("warm-up assessment failed (harmless): " + e);
        }
    }

    /**
     * The preloaded rules of this folder, waiting for them if they are still loading; null when there are none (not
     * started, another folder, or the load failed: the caller loads the rules itself and reports the error).
     */
    public static Preloaded take(Path folder) {
        CompletableFuture<Preloaded> f = future;
        future = null;
        if (f == null || !folder.toAbsolutePath().normalize().equals(dir)) {
            return null;
        }
        try {
            return f.join();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
