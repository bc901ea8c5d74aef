package vn.lgm.compliance.regulator.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.flywaydb.core.Flyway;

import vn.lgm.compliance.contract.model.FactValue;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The audit history: a relational database reached through plain JDBC, so the {@code audit} command (outside
 * Quarkus) and the service use it alike. Embedded H2 in file mode by default ({@code ./audit-history/}, created on
 * first use, shared between processes through H2's automatic server mode), PostgreSQL (or any JDBC URL whose
 * driver is on the class path) by configuration. The schema is migrated by Flyway on first use of a store.
 */
public final class HistoryStore {

    /**
     * The default database: a file beside the working directory, like rules/ and mappings/, its pages compressed
     * (the records' JSON shrinks to about a third on disk).
     */
    public static final String DEFAULT_URL = "jdbc:h2:file:./audit-history/audits;AUTO_SERVER=TRUE;COMPRESS=TRUE";

    /** The migrations, in order (listed, not scanned, so they load the same from a jar, a fast-jar or classes/). */
    static final List<String> MIGRATIONS = List.of("V1__audit_history.sql", "V1_1__finding_other_rules.sql",
            "V2__run_states_and_compact_records.sql");

    private static final Map<String, Boolean> MIGRATED = new ConcurrentHashMap<>();

    private final String url;
    private final String user;
    private final String password;

    private HistoryStore(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * The store at a JDBC URL (null or blank: the embedded default), its schema migrated. Environment:
     * {@code LGM_HISTORY_DB}, {@code LGM_HISTORY_DB_USER}, {@code LGM_HISTORY_DB_PASSWORD} fill what is not given.
     */
    public static HistoryStore open(String url, String user, String password) {
        String u = blank(url) ? env("LGM_HISTORY_DB", DEFAULT_URL) : url;
        // H2 keeps the database open in the process between connections (each operation takes one).
        if (u.startsWith("jdbc:h2:") && !u.toUpperCase().contains("DB_CLOSE_DELAY")) {
            u = u + ";DB_CLOSE_DELAY=-1";
        }
        HistoryStore store = new HistoryStore(u, blank(user) ? env("LGM_HISTORY_DB_USER", u.startsWith("jdbc:h2:") ? "sa" : null) : user,
                blank(password) ? env("LGM_HISTORY_DB_PASSWORD", u.startsWith("jdbc:h2:") ? "" : null) : password);
        store.migrate();
        return store;
    }

    public String url() {
        return url;
    }

    /** The URL with any password removed, for messages. */
    public String describe() {
        return url.replaceAll("(?i)(password=)[^;&]*", "$1***");
    }

    private void migrate() {
        MIGRATED.computeIfAbsent(url, k -> {
            try {
                Flyway.configure(HistoryStore.class.getClassLoader())
                        .dataSource(url, user, password)
                        .resourceProvider(new Migrations())
                        .table("history_schema_version")
                        .baselineOnMigrate(true).baselineVersion("0")
                        .load().migrate();
                fillRegisterKinds();
            } catch (RuntimeException e) {
                Throwable root = e;
                while (root.getCause() != null && root.getCause() != root) {
                    root = root.getCause();
                }
                throw new IllegalStateException("audit history (" + describe() + "): cannot open or migrate the database: "
                        + (root.getMessage() == null ? root : root.getMessage().lines().findFirst().orElse("")), e);
            }
            return true;
        });
    }

    /**
     * Runs stored before register kinds were kept (V1) get theirs from their input format, so that the first run
     * after an upgrade is still compared with the last run of its register.
     */
    private void fillRegisterKinds() {
        try (Connection c = connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT input_format FROM audit_run WHERE register_kind IS NULL AND input_format IS NOT NULL");
             PreparedStatement u = c.prepareStatement("UPDATE audit_run SET register_kind = ? WHERE register_kind IS NULL AND input_format = ?")) {
            while (rs.next()) {
                String format = rs.getString(1);
                String kind = kindOfFormat(format);
                if (kind != null) {
                    u.setString(1, kind);
                    u.setString(2, format);
                    u.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw failure("fill in the kinds of earlier runs", e);
        }
    }

    /** "CSV: legal follow-up of mines" of "CSV, legal follow-up of mines, mapped by mappings/lao-cai.yaml". */
    static String kindOfFormat(String format) {
        if (format.equals("JSON Lines")) {
            return format;
        }
        int mapped = format.indexOf(", mapped by ");
        return format.startsWith("CSV, ") && mapped > 5 ? "CSV: " + format.substring(5, mapped) : null;
    }

    /**
     * A new connection. The driver is instantiated directly for H2 and PostgreSQL rather than looked up through
     * DriverManager, which only hands out drivers registered from the caller's class loader (under Quarkus, and in
     * tests mixing Quarkus and plain classes, that is not always ours).
     */
    public Connection connect() throws SQLException {
        return connect(url, user, password);
    }

    public static Connection connect(String url, String user, String password) throws SQLException {
        java.sql.Driver driver = url.startsWith("jdbc:h2:") ? new org.h2.Driver()
                : url.startsWith("jdbc:postgresql:") ? new org.postgresql.Driver() : null;
        if (driver == null) {
            return DriverManager.getConnection(url, user, password);
        }
        java.util.Properties p = new java.util.Properties();
        if (user != null) {
            p.setProperty("user", user);
        }
        if (password != null) {
            p.setProperty("password", password);
        }
        Connection c = driver.connect(url, p);
        if (c == null) {
            throw new SQLException("the driver does not accept " + url);
        }
        return c;
    }

    // ---------------------------------------------------------------- runs

    /** What became of a run (docs/AUDIT.md, "Run states"). */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditRunState")
    public enum State {
        /** Still going, or its process died and no start-up has found it yet. */
        RUNNING,
        /** Read to its end, every record answered and stored. */
        COMPLETE,
        /** Stopped before its end: a signal, its client gone, or its process found dead at a later start-up. */
        INTERRUPTED,
        /** Ended by a fault: the input, the output or the history failed under it. */
        FAILED
    }

    /**
     * A stored run: its manifest. {@code complete} is {@code state == COMPLETE}; {@code conventions} are the
     * complete-record sections by which empty cells were read as "not done" ({@code section}, {@code columns},
     * {@code source}), empty when every empty value was read as unknown.
     */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditRun")
    public record Run(long id, String register, boolean registerNamed, String registerKind, String inputPath,
                      String inputSha256, String inputFormat, String rulesVersion, LocalDate lawAsOf,
                      LocalDate compareAsOf, Instant started, Instant ended, Long durationMs, long records,
                      long assessed, long errors, long skippedRows, long nonCompliant, long incomplete,
                      long conditional, long compliant, State state, String stopped, List<String> warnings,
                      List<Map<String, Object>> conventions, boolean complete) {

        /** "interrupted after 2,112 records: stopped by a signal", for a run that is not complete; null if it is. */
        public String howFar() {
            if (state == State.COMPLETE) {
                return null;
            }
            return state.name().toLowerCase(java.util.Locale.ROOT) + " after " + records + " records ("
                    + assessed + " assessed, " + errors + " errors)" + (stopped == null ? "" : ": " + stopped);
        }
    }

    /** A report, comparison or reform asked of a run that did not complete: refused, saying how far it got. */
    public static final class IncompleteRun extends IllegalStateException {
        public IncompleteRun(Run run, String what) {
            super("audit run " + run.id() + " did not complete (" + run.howFar() + "): " + what
                    + " is made only of a complete run");
        }
    }

    /** What a new run is: the register it belongs to (a name, and its kind from its header) and the law applied. */
    public record RunStart(String register, boolean registerNamed, String registerKind, String inputPath,
                           String inputFormat, String rulesVersion, LocalDate lawAsOf, LocalDate compareAsOf,
                           Instant started, List<Map<String, Object>> conventions) {
    }

    /** How a run ended, for {@link #finishRun}. */
    public record RunEnd(State state, String stopped, String inputSha256, Instant ended, long durationMs, long records,
                         long assessed, long errors, long skippedRows, Map<String, Long> verdicts, List<String> warnings) {
    }

    /**
     * Stores a new run as RUNNING, owned by this process. This is the history's first write of a run, made before
     * the first record is read: a history that cannot be written fails here, before the run.
     */
    public long startRun(RunStart r) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_run (register, register_named, register_kind, input_path, input_format, rules_version,"
                        + " law_as_of, compare_as_of, started, state, owner, conventions, complete)"
                        + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,FALSE)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, r.register());
            s.setBoolean(2, r.registerNamed());
            s.setString(3, r.registerKind());
            s.setString(4, r.inputPath());
            s.setString(5, r.inputFormat());
            s.setString(6, r.rulesVersion());
            s.setObject(7, r.lawAsOf());
            s.setObject(8, r.compareAsOf());
            s.setTimestamp(9, Timestamp.from(r.started()));
            s.setString(10, State.RUNNING.name());
            s.setString(11, Owner.THIS_PROCESS.toString());
            s.setString(12, r.conventions() == null || r.conventions().isEmpty() ? null : HistoryJson.write(r.conventions()));
            s.executeUpdate();
            long id;
            try (ResultSet k = s.getGeneratedKeys()) {
                k.next();
                id = k.getLong(1);
            }
            durable(c);
            return id;
        } catch (SQLException e) {
            throw failure("start a run", e);
        }
    }

    /**
     * Makes what was just committed survive the process being killed. The embedded H2 database writes committed
     * changes to its file from a background thread, up to half a second later (WRITE_DELAY): a {@code kill -9} in
     * that time lost the batches it had acknowledged. CHECKPOINT writes them now (once a batch of records); other
     * databases (PostgreSQL) are durable at commit.
     */
    private void durable(Connection c) throws SQLException {
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")) {
            try (Statement s = c.createStatement()) {
                s.execute("CHECKPOINT");
            }
        }
    }

    /** Writes how a run ended. Only a RUNNING run is changed: a run ends once. */
    public void finishRun(long id, RunEnd e) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE audit_run SET state=?, stopped=?, input_sha256=?, ended=?, duration_ms=?, records=?, assessed=?,"
                        + " errors=?, skipped_rows=?, non_compliant=?, incomplete=?, conditional=?, compliant=?, warnings=?,"
                        + " complete=? WHERE id=? AND state=?")) {
            s.setString(1, e.state().name());
            s.setString(2, e.stopped());
            s.setString(3, e.inputSha256());
            s.setTimestamp(4, Timestamp.from(e.ended()));
            s.setLong(5, e.durationMs());
            s.setLong(6, e.records());
            s.setLong(7, e.assessed());
            s.setLong(8, e.errors());
            s.setLong(9, e.skippedRows());
            s.setLong(10, e.verdicts().getOrDefault("NON_COMPLIANT", 0L));
            s.setLong(11, e.verdicts().getOrDefault("INCOMPLETE", 0L));
            s.setLong(12, e.verdicts().getOrDefault("CONDITIONAL", 0L));
            s.setLong(13, e.verdicts().getOrDefault("COMPLIANT", 0L));
            s.setString(14, HistoryJson.write(e.warnings()));
            s.setBoolean(15, e.state() == State.COMPLETE);
            s.setLong(16, id);
            s.setString(17, State.RUNNING.name());
            s.executeUpdate();
            durable(c);
        } catch (SQLException x) {
            throw failure("finish run " + id, x);
        }
    }

    /**
     * Marks the runs left RUNNING by a process of this machine that is gone (killed, crashed, the machine restarted)
     * as INTERRUPTED, with the records they stored; called when the service starts and before every audit command.
     * A run owned by a live process, or by another machine, is left alone. Returns the ids marked.
     */
    public List<Long> markAbandonedRuns() {
        List<Long> marked = new ArrayList<>();
        for (Run r : runs("WHERE state = ? ORDER BY id", State.RUNNING.name())) {
            Owner owner = Owner.parse(ownerOf(r.id()));
            if (owner != null && !owner.isGone()) {
                continue;
            }
            String why = "the process running it ended before the run did (found " + (owner == null ? "when the history was opened"
                    : "at the next start-up on " + owner.host()) + ")";
            if (closeFromStoredRecords(r.id(), State.INTERRUPTED, why)) {
                marked.add(r.id());
            }
        }
        return marked;
    }

    /**
     * Ends a RUNNING run with the counts of the records it stored (the records and the lines sent agree: a record is
     * stored once its line is written). Used for a run whose process is gone and as the last resort of a run that
     * could not be finished otherwise. False if the run was not RUNNING.
     */
    public boolean closeFromStoredRecords(long id, State state, String why) {
        String count = "(SELECT COUNT(*) FROM audit_record x WHERE x.run_id = audit_run.id";
        String verdict = count + " AND x.verdict = ?)";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE audit_run SET state=?, stopped=?, ended=?, records=" + count + "), assessed=" + count
                        + " AND x.verdict IS NOT NULL), errors=" + count + " AND x.verdict IS NULL), non_compliant=" + verdict
                        + ", incomplete=" + verdict + ", conditional=" + verdict + ", compliant=" + verdict
                        + ", complete=FALSE WHERE id=? AND state=?")) {
            s.setString(1, state.name());
            s.setString(2, why);
            s.setTimestamp(3, Timestamp.from(Instant.now()));
            s.setString(4, "NON_COMPLIANT");
            s.setString(5, "INCOMPLETE");
            s.setString(6, "CONDITIONAL");
            s.setString(7, "COMPLIANT");
            s.setLong(8, id);
            s.setString(9, State.RUNNING.name());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw failure("close run " + id, e);
        }
    }

    private String ownerOf(long id) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT owner FROM audit_run WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("read run " + id, e);
        }
    }

    /** The process that owns a run: its machine, its pid and when it started (a pid alone is reused). */
    record Owner(String host, long pid, long startMillis) {

        static final Owner THIS_PROCESS = new Owner(hostName(), ProcessHandle.current().pid(),
                ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L));

        static Owner parse(String s) {
            if (s == null) {
                return null;
            }
            String[] p = s.split(" ");
            try {
                return p.length == 3 ? new Owner(p[0], Long.parseLong(p[1]), Long.parseLong(p[2])) : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }

        /** True when this owner ran on this machine and is no longer running; never for another machine. */
        boolean isGone() {
            if (!host.equals(THIS_PROCESS.host())) {
                return false;
            }
            java.util.Optional<ProcessHandle> h = ProcessHandle.of(pid);
            if (h.isEmpty() || !h.get().isAlive()) {
                return true;
            }
            // The pid is in use: by the same process unless it started at another time (a pid is reused).
            java.util.Optional<Instant> started = h.get().info().startInstant();
            return started.isPresent() && startMillis != 0 && started.get().toEpochMilli() != startMillis;
        }

        @Override
        public String toString() {
            return host + " " + pid + " " + startMillis;
        }

        private static String hostName() {
            String h = System.getenv("HOSTNAME");
            if (blank(h)) {
                try {
                    h = java.net.InetAddress.getLocalHost().getHostName();
                } catch (java.io.IOException | RuntimeException e) {
                    h = "localhost";
                }
            }
            return h.strip().replace(' ', '_');
        }
    }

    public Run run(long id) {
        List<Run> r = runs("WHERE id = ?", id);
        return r.isEmpty() ? null : r.get(0);
    }

    /**
     * The run this one is compared with by default: the last COMPLETE run before it of the same register — the same
     * name and the same kind (its header), or, for a run posted without a name, the last unnamed one of its kind.
     * Never a run of another kind, never an incomplete run. Null when there is none.
     */
    public Run previousRun(long id) {
        Run run = run(id);
        if (run == null || run.registerKind() == null) {
            return null;
        }
        List<Run> r = run.registerNamed()
                ? runs("WHERE register_kind = ? AND register_named = TRUE AND register = ? AND id < ? AND state = ? ORDER BY id DESC",
                        run.registerKind(), run.register(), id, State.COMPLETE.name())
                : runs("WHERE register_kind = ? AND register_named = FALSE AND id < ? AND state = ? ORDER BY id DESC",
                        run.registerKind(), id, State.COMPLETE.name());
        return r.isEmpty() ? null : r.get(0);
    }

    public List<Run> runs() {
        return runs("ORDER BY id");
    }

    private List<Run> runs(String where, Object... args) {
        List<Run> out = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT * FROM audit_run " + where)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    State state = State.valueOf(rs.getString("state"));
                    out.add(new Run(rs.getLong("id"), rs.getString("register"), rs.getBoolean("register_named"),
                            rs.getString("register_kind"), rs.getString("input_path"), rs.getString("input_sha256"),
                            rs.getString("input_format"), rs.getString("rules_version"),
                            rs.getObject("law_as_of", LocalDate.class), rs.getObject("compare_as_of", LocalDate.class),
                            instant(rs.getTimestamp("started")), instant(rs.getTimestamp("ended")),
                            (Long) rs.getObject("duration_ms", Long.class), rs.getLong("records"), rs.getLong("assessed"),
                            rs.getLong("errors"), rs.getLong("skipped_rows"), rs.getLong("non_compliant"),
                            rs.getLong("incomplete"), rs.getLong("conditional"), rs.getLong("compliant"), state,
                            rs.getString("stopped"), HistoryJson.strings(rs.getString("warnings")),
                            HistoryJson.maps(rs.getString("conventions")), state == State.COMPLETE));
                }
            }
        } catch (SQLException e) {
            throw failure("read runs", e);
        }
        return out;
    }

    /**
     * Deletes runs and what they stored: every run that ended before {@code before} (null: no date limit), except
     * the last {@code keep} complete runs of each register (its name and kind), which are always kept; then the
     * descriptions no run refers to any more. A RUNNING run is never deleted. Returns the runs deleted.
     */
    public List<Long> prune(java.time.Instant before, int keep) {
        if (keep < 0) {
            throw new IllegalArgumentException("keep: expected 0 or more, not " + keep);
        }
        Map<String, Integer> kept = new java.util.HashMap<>();
        List<Run> all = new ArrayList<>(runs("ORDER BY id DESC"));
        List<Long> deleted = new ArrayList<>();
        for (Run r : all) {
            if (r.state() == State.RUNNING) {
                continue;
            }
            String series = r.registerKind() + "\u0000" + (r.registerNamed() ? r.register() : "");
            if (r.state() == State.COMPLETE && kept.merge(series, 1, Integer::sum) <= keep) {
                continue;
            }
            Instant end = r.ended() != null ? r.ended() : r.started();
            if (before == null || (end != null && end.isBefore(before))) {
                deleted.add(r.id());
            }
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement f = c.prepareStatement("DELETE FROM audit_finding WHERE run_id = ?");
                 PreparedStatement r = c.prepareStatement("DELETE FROM audit_record WHERE run_id = ?");
                 PreparedStatement x = c.prepareStatement("DELETE FROM audit_run WHERE id = ?");
                 Statement d = c.createStatement()) {
                for (long id : deleted) {
                    f.setLong(1, id);
                    f.executeUpdate();
                    r.setLong(1, id);
                    r.executeUpdate();
                    x.setLong(1, id);
                    x.executeUpdate();
                }
                d.executeUpdate("DELETE FROM audit_description WHERE NOT EXISTS"
                        + " (SELECT 1 FROM audit_record r WHERE r.description_sha = audit_description.sha256)");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("prune runs", e);
        }
        return deleted;
    }

    /**
     * Gives the space freed by pruning back to the disk: for the embedded H2 database, closes it compacted (the
     * next use opens it again); other databases reclaim space themselves (PostgreSQL's autovacuum).
     */
    public void compact() {
        if (!url.startsWith("jdbc:h2:")) {
            return;
        }
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw failure("compact the database", e);
        }
    }

    // ---------------------------------------------------------------- records

    /**
     * One stored finding: rule, outcome, the facts it rests on and the facts it misses; for a finding about one act
     * that rests on several rules, the others' ids (most specific first), so each stays visible and the act counts once.
     */
    public record StoredFinding(String ruleId, String outcome, List<FactValue> facts, List<String> missingFacts,
                                List<String> otherRules) {
        public StoredFinding {
            otherRules = otherRules == null ? List.of() : List.copyOf(otherRules);
        }

        public StoredFinding(String ruleId, String outcome, List<FactValue> facts, List<String> missingFacts) {
            this(ruleId, outcome, facts, missingFacts, List.of());
        }

        /** Every rule of the finding, its own first. */
        public List<String> ruleIds() {
            if (otherRules.isEmpty()) {
                return List.of(ruleId);
            }
            List<String> ids = new ArrayList<>(otherRules.size() + 1);
            ids.add(ruleId);
            ids.addAll(otherRules);
            return ids;
        }
    }

    /**
     * One stored record: what was assessed and what came of it. {@code assumed} are the paths the register left
     * empty that its mapping read as "recorded as not done" (its complete-record convention); {@code stopped}: the
     * register records the mine as stopped (no such reading was made for it).
     */
    public record StoredRecord(long runId, long line, String key, String recordId, String licenceNumber, String name,
                               String holder, String district, String mineral, LocalDate expiresOn, String verdict,
                               LocalDate lawAsOf, String descriptionJson, String descriptionSha, String errorsJson,
                               List<StoredFinding> findings, List<String> assumed, boolean stopped) {
        public boolean ok() {
            return verdict != null;
        }
    }

    /**
     * Writes records in one transaction: each record's row with its findings in one compact column, and each
     * description once (a description stored by an earlier run is not written again).
     */
    public void insert(List<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement("INSERT INTO audit_record (run_id, line, record_key, record_id,"
                    + " licence_number, name, holder, district, mineral, expires_on, verdict, law_as_of, description_sha,"
                    + " errors, result) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement d = c.prepareStatement("INSERT INTO audit_description (sha256, body) SELECT ?, ?"
                         + " WHERE NOT EXISTS (SELECT 1 FROM audit_description WHERE sha256 = ?)")) {
                java.util.Set<String> described = new java.util.HashSet<>();
                for (StoredRecord x : records) {
                    if (x.descriptionSha() != null && described.add(x.descriptionSha())) {
                        d.setString(1, x.descriptionSha());
                        d.setString(2, x.descriptionJson());
                        d.setString(3, x.descriptionSha());
                        d.executeUpdate();
                    }
                    r.setLong(1, x.runId());
                    r.setLong(2, x.line());
                    r.setString(3, x.key());
                    r.setString(4, x.recordId());
                    r.setString(5, x.licenceNumber());
                    r.setString(6, x.name());
                    r.setString(7, x.holder());
                    r.setString(8, x.district());
                    r.setString(9, x.mineral());
                    r.setObject(10, x.expiresOn());
                    r.setString(11, x.verdict());
                    r.setObject(12, x.lawAsOf());
                    r.setString(13, x.descriptionSha());
                    r.setString(14, x.errorsJson());
                    r.setString(15, StoredResult.encode(x.findings(), x.assumed(), x.stopped()));
                    r.addBatch();
                }
                r.executeBatch();
                c.commit();
                durable(c);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store records", e);
        }
    }

    /** How many records a run stored. */
    public long storedRecords(long runId) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM audit_record WHERE run_id = ?")) {
            s.setLong(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("count records", e);
        }
    }

    /** Every record of a run, in input order, with its findings. */
    public List<StoredRecord> records(long runId) {
        return records("WHERE r.run_id = ? ORDER BY r.line", runId);
    }

    /** One licence (or record key) across all runs, oldest first. */
    public List<StoredRecord> licence(String key) {
        return records("WHERE r.record_key = ? OR r.licence_number = ? ORDER BY r.run_id, r.line", key, key);
    }

    private List<StoredRecord> records(String where, Object... args) {
        List<StoredRecord> out = new ArrayList<>();
        // Runs stored before the compact layout (V2) keep their description in the record and their findings in
        // audit_finding; later ones refer to audit_description and hold their findings in the result column.
        String sql = "SELECT r.*, COALESCE(r.description, d.body) AS body, f.seq, f.rule_id, f.outcome, f.facts,"
                + " f.missing_facts, f.other_rules FROM audit_record r LEFT JOIN audit_description d ON d.sha256 = r.description_sha"
                + " LEFT JOIN audit_finding f ON f.run_id = r.run_id AND f.line = r.line " + where + ", f.seq";
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                StoredRecord current = null;
                while (rs.next()) {
                    long run = rs.getLong("run_id");
                    long line = rs.getLong("line");
                    if (current == null || current.runId() != run || current.line() != line) {
                        StoredResult result = StoredResult.decode(rs.getString("result"));
                        current = new StoredRecord(run, line, rs.getString("record_key"), rs.getString("record_id"),
                                rs.getString("licence_number"), rs.getString("name"), rs.getString("holder"),
                                rs.getString("district"), rs.getString("mineral"), rs.getObject("expires_on", LocalDate.class),
                                rs.getString("verdict"), rs.getObject("law_as_of", LocalDate.class), rs.getString("body"),
                                rs.getString("description_sha"), rs.getString("errors"), new ArrayList<>(result.findings()),
                                result.assumed(), result.stopped());
                        out.add(current);
                    }
                    String rule = rs.getString("rule_id");
                    if (rule != null) {
                        String others = rs.getString("other_rules");
                        current.findings().add(new StoredFinding(rule, rs.getString("outcome"),
                                HistoryJson.facts(rs.getString("facts")), HistoryJson.strings(rs.getString("missing_facts")),
                                others == null || others.isBlank() ? List.of() : List.of(others.trim().split(" "))));
                    }
                }
            }
        } catch (SQLException e) {
            throw failure("read records", e);
        }
        return out;
    }

    // ---------------------------------------------------------------- helpers

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private IllegalStateException failure(String what, SQLException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int sql = m.indexOf("; SQL statement:");
        m = (sql > 0 ? m.substring(0, sql) : m).lines().findFirst().orElse(m);
        return new IllegalStateException("audit history (" + describe() + "): cannot " + what + ": " + m, e);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return blank(v) ? fallback : v;
    }

    /** The SQL migrations on the class path under db/history, listed in {@link #MIGRATIONS}. */
    static final class Migrations implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            return MIGRATIONS.contains(name) ? new Sql(name) : null;
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
            List<LoadableResource> out = new ArrayList<>();
            for (String m : MIGRATIONS) {
                for (String suffix : suffixes) {
                    if (m.startsWith(prefix) && m.endsWith(suffix)) {
                        out.add(new Sql(m));
                        break;
                    }
                }
            }
            return out;
        }
    }

    static final class Sql extends LoadableResource {
        private final String name;

        Sql(String name) {
            this.name = name;
        }

        @Override
        public Reader read() {
            try (InputStream in = HistoryStore.class.getResourceAsStream("/db/history/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("migration missing from the class path: db/history/" + name);
                }
                return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public String getAbsolutePath() {
            return "db/history/" + name;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return getAbsolutePath();
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public String getRelativePath() {
            return name;
        }
    }
}
