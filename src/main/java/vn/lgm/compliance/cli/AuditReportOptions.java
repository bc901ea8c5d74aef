package vn.lgm.compliance.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import picocli.CommandLine.Option;

import vn.lgm.compliance.regulator.history.HistoryStore;
import vn.lgm.compliance.regulator.report.ForwardLook;
import vn.lgm.compliance.regulator.report.RegulatorAudit;

/**
 * The {@code audit} command's options for the audit history and the department report, kept apart from the
 * command's own (a picocli mixin): where the history is kept, what to compare with, the forward look, a draft
 * reform, the report's language and formats, and whether non-compliant records fail the command.
 */
public final class AuditReportOptions {

    @Option(names = "--db", description = "Audit history database (JDBC URL); default the embedded file database "
            + HistoryStore.DEFAULT_URL + " (or $LGM_HISTORY_DB); e.g. jdbc:postgresql://host:5432/audits")
    String db;

    @Option(names = "--db-user", description = "Database user (or $LGM_HISTORY_DB_USER)")
    String dbUser;

    @Option(names = "--db-password", description = "Database password (or $LGM_HISTORY_DB_PASSWORD)")
    String dbPassword;

    @Option(names = "--compare-with-run", paramLabel = "ID", description = "Report what changed since this stored run (default: the previous run of the same register)")
    Long compareWithRun;

    @Option(names = "--horizon", paramLabel = "DAYS", description = "Forward look: the licences that will break a rule, or expire, within this many days if nothing changes: 1 to 3660 days, e.g. 90, 90d, 12w, 6m (30 days), 1y (365 days)")
    String horizon;

    @Option(names = "--register", paramLabel = "NAME", description = "The register this run belongs to: it is compared with earlier runs of the same name and the same kind of register (its header); default the input's file name")
    String register;

    @Option(names = "--reform", paramLabel = "FILE.yaml", description = "A draft reform: a patch to rules/parameters.yaml; the register is assessed under the law as it is and as the draft would make it")
    Path reform;

    @Option(names = "--lang", description = "Report and summary language: vi or en (default: vi for a register in Vietnamese (CSV), else en)")
    String lang;

    @Option(names = "--format", split = ",", description = "Report formats written beside --report: html, json, xlsx (default: all three)")
    Set<String> formats;

    @Option(names = "--soft-fail", description = "Exit 0 even when records are NON_COMPLIANT (default: exit 3)")
    boolean softFail;

    public HistoryStore store() {
        return HistoryStore.open(db, dbUser, dbPassword);
    }

    public RegulatorAudit.Request request(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping) {
        Set<String> f = new LinkedHashSet<>();
        if (formats != null) {
            for (String s : formats) {
                String x = s.strip().toLowerCase(Locale.ROOT);
                if (!Set.of("html", "json", "xlsx").contains(x)) {
                    throw new IllegalArgumentException("--format: unknown format '" + s + "'; expected html, json or xlsx");
                }
                f.add(x);
            }
        }
        if (lang != null && !Set.of("vi", "en").contains(lang.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("--lang: expected vi or en, not '" + lang + "'");
        }
        return new RegulatorAudit.Request(in, out, report, asOf, compareAsOf, mapping, compareWithRun,
                ForwardLook.horizonDays("--horizon", horizon), reform, lang, f, register);
    }

    /** 0, or 3 when any record is NON_COMPLIANT and --soft-fail was not given. */
    public int exitCode(RegulatorAudit.Outcome o) {
        return o.nonCompliant() > 0 && !softFail ? 3 : 0;
    }

}
