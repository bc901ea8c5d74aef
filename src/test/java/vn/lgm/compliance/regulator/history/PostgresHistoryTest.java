package vn.lgm.compliance.regulator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.regulator.report.RegulatorAudit;
import vn.lgm.compliance.texts.RuleNames;

/**
 * The audit history on a real PostgreSQL server, as a department sharing one would configure it: the schema
 * migrated by Flyway into a fresh database, a register audited twice, compared, and one licence's history read.
 * The server is the one {@code .ci/start-postgres} starts (Debian's package, a local port) and names in
 * {@code LGM_TEST_POSTGRES_URL}. Without it the test is skipped on a developer machine and fails under CI=true.
 */
class PostgresHistoryTest {

    static final String URL = env("LGM_TEST_POSTGRES_URL", "jdbc:postgresql://localhost:55432/postgres");
    static final String USER = env("LGM_TEST_POSTGRES_USER", "postgres");
    static final String PASSWORD = env("LGM_TEST_POSTGRES_PASSWORD", "");
    static final String DATABASE = "lgm_history_test_" + ProcessHandle.current().pid();

    @TempDir
    static Path dir;

    static HistoryStore store;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = HistoryStore.connect(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE);
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            String message = "PostgreSQL is not reachable at " + URL + " (" + e.getMessage() + "). Start one with: eval \"$(.ci/start-postgres)\"";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: failing instead of skipping)");
            }
            System.err.println("\n!!! SKIPPING THE POSTGRESQL TEST. " + message + "\n");
            Assumptions.abort(message);
        }
        store = HistoryStore.open(URL.substring(0, URL.lastIndexOf('/') + 1) + DATABASE, USER, PASSWORD);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (store == null) {
            return;
        }
        try (Connection c = HistoryStore.connect(URL, USER, PASSWORD); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void aRegisterAuditedTwiceIsStoredComparedAndTraced() throws Exception {
        Assessor assessor = SharedRules.assessor();
        Path in = Path.of("data/lao-cai/ds-gp-tham-do-yen-bai-6-2025.csv");
        RegulatorAudit audit = new RegulatorAudit(assessor, store);
        long[] ids = new long[2];
        for (int i = 0; i < 2; i++) {
            ids[i] = audit.run(new RegulatorAudit.Request(in, dir.resolve("out-" + i + ".ndjson"), dir.resolve("report-" + i),
                    LocalDate.of(2026, 4, 28), null, null, null, 90, null, "en", Set.of("html", "xlsx")), null).runId();
        }
        // Flyway's history table and ours are on the server.
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM history_schema_version WHERE success")) {
            rs.next();
            assertTrue(rs.getInt(1) >= 1, "migrations applied");
        }
        HistoryStore.Run second = store.run(ids[1]);
        assertEquals(43, second.records());
        assertEquals(43, store.records(ids[1]).size());
        assertEquals(ids[0], store.previousRun(ids[1]).id());
        Changes.Report c = Changes.between(store, ids[1], ids[0], new RuleNames(assessor.rules()), "vi");
        assertTrue(c.all().isEmpty(), "the same register twice: nothing changed");
        HistoryStore.StoredRecord any = store.records(ids[1]).stream().filter(r -> r.licenceNumber() != null).findFirst().orElseThrow();
        assertEquals(2, store.licence(any.licenceNumber()).size(), "one licence across both runs");
        assertEquals(Set.of(ids[0], ids[1]), Set.of(store.licence(any.licenceNumber()).get(0).runId(),
                store.licence(any.licenceNumber()).get(1).runId()));

        // The run states' SQL on PostgreSQL: a run left open is closed with the records it stored; pruning keeps the
        // last complete run of the register and the descriptions it uses.
        long open = store.startRun(new HistoryStore.RunStart("left open", true, "JSON Lines", "test", "JSON Lines",
                assessor.rules().version(), null, null, java.time.Instant.now(), java.util.List.of()));
        assertTrue(store.closeFromStoredRecords(open, HistoryStore.State.INTERRUPTED, "the test"));
        assertEquals(HistoryStore.State.INTERRUPTED, store.run(open).state());
        assertEquals(0, store.run(open).records());
        assertEquals(java.util.List.of(open, ids[0]), store.prune(null, 1));
        assertEquals(43, store.records(ids[1]).size());
        assertTrue(store.records(ids[1]).stream().filter(HistoryStore.StoredRecord::ok).allMatch(r -> r.descriptionJson() != null));
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
