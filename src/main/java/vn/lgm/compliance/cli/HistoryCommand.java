package vn.lgm.compliance.cli;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.lgm.compliance.regulator.history.HistoryStore;

/**
 * {@code history}: the stored audit runs listed with their states, or pruned — the runs of each register beyond the
 * last {@code --keep} complete ones (and every incomplete one), optionally only those that ended before a date.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
        description = "The audit history: list the stored runs (id, state, register, records), or prune old ones.",
        footer = "Exit status: 0 done; 2 the history cannot be reached or a bad option.")
public final class HistoryCommand implements Callable<Integer> {

    @Option(names = "--db", description = "Audit history database (JDBC URL); default " + HistoryStore.DEFAULT_URL
            + " (or $LGM_HISTORY_DB)")
    String db;

    @Option(names = "--db-user", description = "Database user (or $LGM_HISTORY_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (or $LGM_HISTORY_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--prune", description = "Delete runs: all but the last --keep complete runs of each register"
            + " (a register: its name and its kind), incomplete runs included, and the descriptions no run still uses")
    boolean prune;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "12",
            description = "With --prune: complete runs kept per register (default: ${DEFAULT-VALUE})")
    int keep;

    @Option(names = "--before", paramLabel = "DATE",
            description = "With --prune: delete only runs that ended before this date (YYYY-MM-DD)")
    LocalDate before;

    @Option(names = "--compact", description = "With --prune, on the embedded database: give the space freed back to the"
            + " disk (closes the database: run it while no service or audit has it open)")
    boolean compact;

    @Override
    public Integer call() {
        HistoryStore store;
        try {
            store = HistoryStore.open(db, dbUser, dbPassword);
            store.markAbandonedRuns();
            if (prune) {
                List<Long> deleted = store.prune(before == null ? null : before.atStartOfDay(ZoneOffset.ofHours(7)).toInstant(), keep);
                System.out.println("deleted " + deleted.size() + " run(s)" + (deleted.isEmpty() ? "" : ": " + deleted)
                        + "; kept the last " + keep + " complete run(s) of each register" + (before == null ? "" : " and every run that ended from " + before));
                if (compact) {
                    store.compact();
                    System.out.println("compacted " + store.describe());
                }
                return 0;
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("history: " + e.getMessage());
            return 2;
        }
        System.out.printf("%6s  %-11s  %8s  %-32s  %-32s  %s%n", "run", "state", "records", "register", "kind", "started");
        for (HistoryStore.Run r : store.runs()) {
            System.out.printf("%6d  %-11s  %8d  %-32s  %-32s  %s%n", r.id(), r.state(), r.records(), r.register(),
                    r.registerKind(), r.started());
        }
        return 0;
    }
}
