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

    private volatile HistoryStore store;

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
