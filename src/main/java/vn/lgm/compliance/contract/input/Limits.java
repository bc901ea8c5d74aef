package vn.lgm.compliance.contract.input;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;

/**
 * The limits that protect the service and the audits from one input or one rule, read from
 * {@code application.properties} on the class path (the same file Quarkus reads, so the service and the commands
 * share one set of numbers); a system property of the same name overrides a value.
 *
 * @param maxListEntries      entries a list of a project description may hold (minerals, partners, exports, ...)
 * @param maxRecordBytes      bytes one audit record (a JSON line, a CSV record) may hold
 * @param maxCsvRecordLines   physical lines one CSV record (quoted multi-line cells) may span
 * @param maxRuleFirings      rule firings one assessment may take before it is stopped as looping
 * @param assessmentTimeLimit time one assessment may take before it is stopped
 * @param maxConcurrentAudits HTTP audits running at once; more are refused with 503
 */
public record Limits(int maxListEntries, int maxRecordBytes, int maxCsvRecordLines, long maxRuleFirings,
                     Duration assessmentTimeLimit, int maxConcurrentAudits) {

    public static final Limits DEFAULTS = load();

    /** The limits in application.properties (no profile), system properties winning. */
    public static Limits load() {
        Properties p = new Properties();
        try (InputStream in = Limits.class.getClassLoader().getResourceAsStream("application.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // the defaults below stand
        }
        return new Limits(
                (int) number(p, "input.max-list-entries", 100),
                (int) number(p, "audit.max-record-bytes", 1 << 20),
                (int) number(p, "audit.csv.max-record-lines", 200),
                number(p, "assessment.max-rule-firings", 10_000),
                Duration.ofMillis(number(p, "assessment.time-limit-ms", 10_000)),
                (int) number(p, "audit.max-concurrent", 4));
    }

    private static long number(Properties p, String key, long fallback) {
        String v = System.getProperty(key, p.getProperty(key));
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(key + " in application.properties: expected a whole number, found '" + v + "'");
        }
    }

    public Limits withMaxRuleFirings(long n) {
        return new Limits(maxListEntries, maxRecordBytes, maxCsvRecordLines, n, assessmentTimeLimit, maxConcurrentAudits);
    }

    public Limits withAssessmentTimeLimit(Duration d) {
        return new Limits(maxListEntries, maxRecordBytes, maxCsvRecordLines, maxRuleFirings, d, maxConcurrentAudits);
    }

    public Limits withMaxRecordBytes(int n) {
        return new Limits(maxListEntries, n, maxCsvRecordLines, maxRuleFirings, assessmentTimeLimit, maxConcurrentAudits);
    }
}
