package vn.lgm.compliance.regulator.history;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's audit history: the store at {@code history.db.url} (default the embedded file database the
 * {@code audit} command uses too, shared through H2's automatic server mode), opened and migrated on first use.
 */
@ApplicationScoped
public class HistoryService {

    @ConfigProperty(name = "history.db.url")
    Optional<String> url;

    @ConfigProperty(name = "history.db.user")
    Optional<String> user;

    @ConfigProperty(name = "history.db.password")
    Optional<String> password;

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HistoryService.class);

    private volatile HistoryStore store;

    /**
     * At start-up, the runs a process of this machine left open when it died (a service killed mid-upload, a crash)
     * are marked INTERRUPTED with the records they stored — on a thread of its own, so start-up does not wait for
     * the database.
     */
    void markAbandonedRunsAtStartUp(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        Thread t = new Thread(() -> {
            try {
                java.util.List<Long> marked = store().markAbandonedRuns();
                if (!marked.isEmpty()) {
                    LOG.warnf("audit history: runs %s were left open by a process that ended before them; marked interrupted", marked);
                }
            } catch (RuntimeException e) {
                LOG.warnf("audit history: cannot check for runs left open: %s", e.getMessage());
            }
        }, "history-start-up");
        t.setDaemon(true);
        t.start();
    }

    public HistoryStore store() {
        HistoryStore s = store;
        if (s == null) {
            synchronized (this) {
                if (store == null) {
                    store = HistoryStore.open(url.orElse(null), user.orElse(null), password.orElse(null));
                }
                s = store;
            }
        }
        return s;
    }
}
