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
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The audit history: a relational database reached through plain JDBC, so the {@code audit} command (outside
 * Quarkus) and the service use it alike. Embedded H2 in file mode by default ({@code ./audit-history/}, created on
 * first use, shared between processes through H2's automatic server mode), PostgreSQL (or any JDBC URL whose
 * driver is on the class path) by configuration. The schema is migrated by Flyway on first use of a store.
 */
public final class HistoryStore {

    /** The default database: a file beside the working directory, like rules/ and mappings/. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./audit-history/audits;AUTO_SERVER=TRUE";

    /** The migrations, in order (listed, not scanned, so they load the same from a jar, a fast-jar or classes/). */
    static final List<String> MIGRATIONS = List.of("V1__audit_history.sql", "V1_1__finding_other_rules.sql");

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

    /** A stored run: its manifest. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "AuditRun")
    public record Run(long id, String register, String inputPath, String inputSha256, String inputFormat,
                      String rulesVersion, LocalDate lawAsOf, LocalDate compareAsOf, Instant started, Instant ended,
                      Long durationMs, long records, long assessed, long errors, long nonCompliant, long incomplete,
                      long conditional, long compliant, boolean complete) {
    }

    public long startRun(String register, String inputPath, String rulesVersion, LocalDate lawAsOf, LocalDate compareAsOf,
                         Instant started) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO audit_run (register, input_path, rules_version, law_as_of, compare_as_of, started) VALUES (?,?,?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, register);
            s.setString(2, inputPath);
            s.setString(3, rulesVersion);
            s.setObject(4, lawAsOf);
            s.setObject(5, compareAsOf);
            s.setTimestamp(6, Timestamp.from(started));
            s.executeUpdate();
            try (ResultSet k = s.getGeneratedKeys()) {
                k.next();
                return k.getLong(1);
            }
        } catch (SQLException e) {
            throw failure("start a run", e);
        }
    }

    public void finishRun(long id, String inputSha256, String inputFormat, Instant ended, long durationMs, long records,
                          long assessed, long errors, Map<String, Long> verdicts) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(
                "UPDATE audit_run SET input_sha256=?, input_format=?, ended=?, duration_ms=?, records=?, assessed=?, errors=?,"
                        + " non_compliant=?, incomplete=?, conditional=?, compliant=?, complete=TRUE WHERE id=?")) {
            s.setString(1, inputSha256);
            s.setString(2, inputFormat);
            s.setTimestamp(3, Timestamp.from(ended));
            s.setLong(4, durationMs);
            s.setLong(5, records);
            s.setLong(6, assessed);
            s.setLong(7, errors);
            s.setLong(8, verdicts.getOrDefault("NON_COMPLIANT", 0L));
            s.setLong(9, verdicts.getOrDefault("INCOMPLETE", 0L));
            s.setLong(10, verdicts.getOrDefault("CONDITIONAL", 0L));
            s.setLong(11, verdicts.getOrDefault("COMPLIANT", 0L));
            s.setLong(12, id);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure("finish run " + id, e);
        }
    }

    public Run run(long id) {
        List<Run> r = runs("WHERE id = ?", id);
        return r.isEmpty() ? null : r.get(0);
    }

    /** The last complete run of the same register before this one, or null. */
    public Run previousRun(long id) {
        Run run = run(id);
        if (run == null) {
            return null;
        }
        List<Run> r = runs("WHERE register = ? AND id < ? AND complete = TRUE ORDER BY id DESC", run.register(), id);
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
                    out.add(new Run(rs.getLong("id"), rs.getString("register"), rs.getString("input_path"),
                            rs.getString("input_sha256"), rs.getString("input_format"), rs.getString("rules_version"),
                            rs.getObject("law_as_of", LocalDate.class), rs.getObject("compare_as_of", LocalDate.class),
                            instant(rs.getTimestamp("started")), instant(rs.getTimestamp("ended")),
                            (Long) rs.getObject("duration_ms", Long.class), rs.getLong("records"), rs.getLong("assessed"),
                            rs.getLong("errors"), rs.getLong("non_compliant"), rs.getLong("incomplete"),
                            rs.getLong("conditional"), rs.getLong("compliant"), rs.getBoolean("complete")));
                }
            }
        } catch (SQLException e) {
            throw failure("read runs", e);
        }
        return out;
    }

    // ---------------------------------------------------------------- records

    /**
     * One stored finding: rule, outcome, citation and the facts it rests on (JSON); for a finding about one act that
     * rests on several rules, the others' ids (most specific first), so each stays visible and the act counts once.
     */
    public record StoredFinding(String ruleId, String outcome, String citation, String factsJson, String missingFactsJson,
                                List<String> otherRules) {
        public StoredFinding {
            otherRules = otherRules == null ? List.of() : List.copyOf(otherRules);
        }

        public StoredFinding(String ruleId, String outcome, String citation, String factsJson, String missingFactsJson) {
            this(ruleId, outcome, citation, factsJson, missingFactsJson, List.of());
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

    /** One stored record: what was assessed and what came of it. */
    public record StoredRecord(long runId, long line, String key, String recordId, String licenceNumber, String name,
                               String holder, String district, String mineral, LocalDate expiresOn, String verdict,
                               LocalDate lawAsOf, String descriptionJson, String descriptionSha, String errorsJson,
                               List<StoredFinding> findings) {
        public boolean ok() {
            return verdict != null;
        }
    }

    /** Writes records (with their findings) in one transaction. */
    public void insert(List<StoredRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement r = c.prepareStatement("INSERT INTO audit_record (run_id, line, record_key, record_id,"
                    + " licence_number, name, holder, district, mineral, expires_on, verdict, law_as_of, description,"
                    + " description_sha, errors) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
                 PreparedStatement f = c.prepareStatement("INSERT INTO audit_finding (run_id, line, seq, rule_id, outcome,"
                         + " citation, facts, missing_facts, other_rules) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (StoredRecord x : records) {
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
                    r.setString(13, x.descriptionJson());
                    r.setString(14, x.descriptionSha());
                    r.setString(15, x.errorsJson());
                    r.addBatch();
                    int seq = 0;
                    for (StoredFinding sf : x.findings()) {
                        f.setLong(1, x.runId());
                        f.setLong(2, x.line());
                        f.setInt(3, seq++);
                        f.setString(4, sf.ruleId());
                        f.setString(5, sf.outcome());
                        f.setString(6, sf.citation());
                        f.setString(7, sf.factsJson());
                        f.setString(8, sf.missingFactsJson());
                        f.setString(9, sf.otherRules().isEmpty() ? null : String.join(" ", sf.otherRules()));
                        f.addBatch();
                    }
                }
                r.executeBatch();
                f.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("store records", e);
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
        String sql = "SELECT r.*, f.seq, f.rule_id, f.outcome, f.citation, f.facts, f.missing_facts, f.other_rules FROM audit_record r"
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
                        current = new StoredRecord(run, line, rs.getString("record_key"), rs.getString("record_id"),
                                rs.getString("licence_number"), rs.getString("name"), rs.getString("holder"),
                                rs.getString("district"), rs.getString("mineral"), rs.getObject("expires_on", LocalDate.class),
                                rs.getString("verdict"), rs.getObject("law_as_of", LocalDate.class), rs.getString("description"),
                                rs.getString("description_sha"), rs.getString("errors"), new ArrayList<>());
                        out.add(current);
                    }
                    String rule = rs.getString("rule_id");
                    if (rule != null) {
                        String others = rs.getString("other_rules");
                        current.findings().add(new StoredFinding(rule, rs.getString("outcome"), rs.getString("citation"),
                                rs.getString("facts"), rs.getString("missing_facts"),
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
        return new IllegalStateException("audit history (" + describe() + "): cannot " + what + ": " + e.getMessage(), e);
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
