package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.investor.CounterfactualSearch;

/**
 * README's table of limits gives the numbers the service runs with: each row naming a setting is checked against
 * {@code application.properties} (and the counterfactual search's budget against its code), so a changed limit
 * cannot leave the README behind.
 */
class ReadmeLimitsTest {

    static Properties properties() throws IOException {
        Properties p = new Properties();
        try (InputStream in = ReadmeLimitsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            p.load(in);
        }
        return p;
    }

    /** 1M → 1 MiB, 64K → 64 KiB, 1048576 → 1 MiB, 0 → 0. */
    static String size(String v) {
        String t = v.strip();
        long bytes = t.endsWith("M") ? Long.parseLong(t.substring(0, t.length() - 1)) << 20
                : t.endsWith("K") ? Long.parseLong(t.substring(0, t.length() - 1)) << 10 : Long.parseLong(t);
        return bytes == 0 ? "0" : bytes % (1 << 20) == 0 ? (bytes >> 20) + " MiB" : (bytes >> 10) + " KiB";
    }

    /** 10S → 10 s, 10000 (ms) → 10 s. */
    static String seconds(String v) {
        String t = v.strip();
        return (t.endsWith("S") ? Long.parseLong(t.substring(0, t.length() - 1)) : Long.parseLong(t) / 1000) + " s";
    }

    static String count(String v) {
        return String.format(java.util.Locale.ROOT, "%,d", Long.parseLong(v.strip()));
    }

    @Test
    void theLimitsTableGivesTheConfiguredNumbers() throws IOException {
        Properties p = properties();
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("`http.max-body-size`", size(p.getProperty("http.max-body-size")));
        expected.put("`http.max-body-size.reform`", size(p.getProperty("http.max-body-size.reform")));
        expected.put("`http.max-body-size.other`", size(p.getProperty("http.max-body-size.other")));
        expected.put("`audit.upload.min-bytes-per-second`", size(p.getProperty("audit.upload.min-bytes-per-second")) + "/s, "
                + seconds(p.getProperty("audit.upload.rate-window")));
        expected.put("`input.max-list-entries`", count(p.getProperty("input.max-list-entries")));
        expected.put("`audit.max-record-bytes`", size(p.getProperty("audit.max-record-bytes")));
        expected.put("`audit.csv.max-record-lines`", count(p.getProperty("audit.csv.max-record-lines")));
        expected.put("`assessment.max-rule-firings`", count(p.getProperty("assessment.max-rule-firings")));
        expected.put("`assessment.time-limit-ms`", seconds(p.getProperty("assessment.time-limit-ms")));
        expected.put("`counterfactuals.time-limit`", seconds(p.getProperty("counterfactuals.time-limit")) + ", "
                + count(String.valueOf(CounterfactualSearch.BUDGET)) + " assessments");
        expected.put("`audit.max-concurrent`", count(p.getProperty("audit.max-concurrent")));
        expected.put("`quarkus.http.limits.max-initial-line-length`", size(p.getProperty("quarkus.http.limits.max-initial-line-length")));
        expected.put("`quarkus.http.idle-timeout`", seconds(p.getProperty("quarkus.http.idle-timeout")) + ", "
                + seconds(p.getProperty("quarkus.http.read-timeout")));
        expected.put("`quarkus.shutdown.timeout`", seconds(p.getProperty("quarkus.shutdown.timeout")));

        String readme = Files.readString(Path.of("README.md"));
        String section = readme.substring(readme.indexOf("## Limits, and what happens at each"));
        section = section.substring(0, section.indexOf("\n## ", 5));
        List<String[]> rows = section.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| limit")).map(l -> l.split(" \\| "))
                .toList();
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String[] row = rows.stream().filter(r -> r[0].contains("(" + e.getKey())).findFirst().orElse(null);
            assertNotNull(row, "README's limits table has a row for " + e.getKey());
            assertEquals(e.getValue(), row[1].strip(), "README's figure for " + e.getKey());
        }
    }
}
