package vn.lgm.compliance.lawyer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * The service watching rules/ and cases/ itself, for a lawyer's workstation ({@code rules.watch.enabled=true}; off by
 * default and in production). A daemon thread waits for an edit under either folder (subfolders included), lets the
 * burst of events of one save settle, and reloads through {@link LiveRuleSet#reload(String)} — the same path as
 * {@code POST /api/v1/rules/reload}: swapped in only if the rules compile and every case passes, the coverage then
 * recomputed in the background; otherwise the rules in force stay and the log gives {@code file:line} or the failing
 * cases. The last result is {@code GET /api/v1/rules/reload} and a line on the coverage page. The watch needs neither
 * {@code rules.reload.enabled} nor the token: it reloads only from the files on this machine, and opens no endpoint.
 */
@Singleton
public class RulesWatch {

    private static final Logger LOG = Logger.getLogger(RulesWatch.class);

    /** How long the events of one save may keep coming before the reload starts. */
    static final long QUIET_MILLIS = 200;

    @ConfigProperty(name = "rules.watch.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "rules.dir", defaultValue = "rules")
    String rulesDir;

    @ConfigProperty(name = "cases.dir", defaultValue = "cases")
    String casesDir;

    @Inject
    LiveRuleSet live;

    private volatile Loop loop;

    void onStart(@Observes StartupEvent event) {
        if (enabled) {
            try {
                loop = new Loop(live, Path.of(rulesDir), Path.of(casesDir));
            } catch (IOException e) {
                LOG.error("Cannot watch " + rulesDir + " and " + casesDir + ": " + e.getMessage());
            }
        }
    }

    /** Whether rules.watch.enabled is on. */
    public boolean enabled() {
        return enabled;
    }

    /** The folders watched (absolute), or none when the watch is off. */
    public List<String> watched() {
        Loop l = loop;
        return l == null ? List.of() : l.watcher.roots().stream().map(Path::toString).toList();
    }

    @PreDestroy
    void stop() {
        Loop l = loop;
        if (l != null) {
            l.close();
        }
    }

    /** The thread that reloads the live rules after each change under the roots, until closed. */
    public static final class Loop implements AutoCloseable {

        final DirectoryWatcher watcher;
        private final LiveRuleSet live;
        private final Thread thread;

        /** Starts watching: every folder is registered when this returns, so no later edit is missed. */
        public Loop(LiveRuleSet live, Path... roots) throws IOException {
            this.live = live;
            this.watcher = new DirectoryWatcher(QUIET_MILLIS, roots);
            this.thread = new Thread(this::run, "rules-watch");
            thread.setDaemon(true);
            // Drools finds its services through the context class loader: the application's.
            thread.setContextClassLoader(RulesWatch.class.getClassLoader());
            thread.start();
            LOG.infof("Watching %s: an edit reloads the rules (kept only if they compile and every case passes)",
                    watcher.roots());
        }

        private void run() {
            while (true) {
                DirectoryWatcher.Change change;
                try {
                    change = watcher.awaitChange();
                } catch (InterruptedException | ClosedWatchServiceException e) {
                    return;
                } catch (IOException | UncheckedIOException e) {
                    LOG.warn("Watch: " + e.getMessage());
                    continue;
                }
                String files = describe(change);
                try {
                    RuleReload.ReloadResult r = live.reload("watch: " + files);
                    if (r.swapped()) {
                        LOG.infof("Watch (%s): reloaded, rules version %s", files, r.rulesVersion().substring(0, 12));
                    } else {
                        LOG.warnf("Watch (%s): refused, the rules in force stay (%s): %s", files,
                                r.rulesVersion().substring(0, 12), r.message());
                    }
                } catch (RuntimeException | LinkageError e) {
                    LOG.error("Watch (" + files + "): the reload failed; the rules in force stay", e);
                }
            }
        }

        /** The changed files, relative to the working directory where they are under it; at most five. */
        private static String describe(DirectoryWatcher.Change change) {
            Path here = Path.of("").toAbsolutePath();
            List<String> names = change.files().stream().map(f -> f.startsWith(here) ? here.relativize(f) : f)
                    .map(Path::toString).toList();
            if (names.isEmpty()) {
                return "files under " + change.roots();
            }
            String shown = names.stream().limit(5).collect(Collectors.joining(", "));
            return names.size() > 5 ? shown + " and " + (names.size() - 5) + " more" : shown;
        }

        /** Whether the thread is still watching. */
        public boolean running() {
            return thread.isAlive();
        }

        @Override
        public void close() {
            try {
                watcher.close();
            } catch (IOException e) {
                LOG.debug("Closing the watch: " + e.getMessage());
            }
            thread.interrupt();
        }
    }
}
