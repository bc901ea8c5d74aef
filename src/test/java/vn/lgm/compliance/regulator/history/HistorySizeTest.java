package vn.lgm.compliance.regulator.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.report.RegulatorAudit;

/**
 * What the history costs per record (issue 20, item 7), measured as README states it: 1,000 varied projects
 * (the benchmark's generator) audited into a fresh history with the default database settings, the file compacted
 * (as H2 does in the background and on closing), then the same register audited again. README's figures must be
 * these, within a tenth; the records' own data is measured exactly. Pruning gives the space back.
 */
class HistorySizeTest {

    static final int RECORDS = 1_000;

    @TempDir
    Path dir;

    @Test
    void theHistoryKeepsWhatReadmeSaysPerRecordAndPruningGivesItBack() throws Exception {
        Path file = dir.resolve("db/audits.mv.db");
        // The default settings (HistoryStore.DEFAULT_URL) on a folder of the test's own.
        String url = HistoryStore.DEFAULT_URL.replace("./audit-history/audits", dir.resolve("db/audits").toAbsolutePath().toString());
        HistoryStore store = HistoryStore.open(url, null, null);
        long empty = compacted(store, file);
        Path in = dir.resolve("register.jsonl");
        SyntheticProjects.write(in, RECORDS, 42);
        RegulatorAudit audit = new RegulatorAudit(SharedRules.assessor(), store);
        long first = audit(audit, in, "first").runId();
        long afterFirst = compacted(store, file);
        long second = audit(audit, in, "second").runId();
        long afterSecond = compacted(store, file);

        double perRecord = (afterFirst - empty) / (double) RECORDS / 1024;
        double perRecordAgain = (afterSecond - afterFirst) / (double) RECORDS / 1024;
        long data = data(store, first);
        System.out.printf("history: %.2f KB a record on disk, %.2f KB a record for an unchanged register audited again;"
                + " the record's own data %.2f KB%n", perRecord, perRecordAgain, data / (double) RECORDS / 1024);

        String readme = Files.readString(Path.of("README.md"));
        String said = readme.replaceAll("\\s+", " ");
        assertClose(said, "the history keeps about ([0-9.]+) KB a record on disk", perRecord);
        assertClose(said, "an unchanged register audited again adds about ([0-9.]+) KB a record", perRecordAgain);
        assertClose(said, "the record's own data is ([0-9.]+) KB before the database compresses it", data / (double) RECORDS / 1024);

        // Pruning to the last complete run of the register deletes the first, and the space is given back.
        assertEquals(List.of(first), store.prune(null, 1));
        assertEquals(List.of(second), store.runs().stream().map(HistoryStore.Run::id).toList());
        assertEquals(RECORDS, store.records(second).size(), "the run kept keeps its descriptions");
        assertTrue(compacted(store, file) < afterSecond, "pruned and compacted, the file is smaller");
    }

    private static RegulatorAudit.Outcome audit(RegulatorAudit audit, Path in, String name) throws Exception {
        Path dir = in.getParent();
        return audit.run(new RegulatorAudit.Request(in, dir.resolve(name + ".ndjson"), null, null, null, null, null, null, null,
                "en", Set.of(), "size"), null, new AuditRunner.Stop());
    }

    /** The database file's size once H2 has compacted it (as `history --prune --compact` does; the next use opens it again). */
    private static long compacted(HistoryStore store, Path file) throws Exception {
        store.compact();
        long size = Files.size(file);
        store.runs(); // open again
        return size;
    }

    /** The bytes of the record's own data: its row's values and its description, as stored. */
    private static long data(HistoryStore store, long runId) throws Exception {
        try (Connection c = store.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SUM(OCTET_LENGTH(COALESCE(r.result, '')) + OCTET_LENGTH(COALESCE(r.errors, ''))"
                     + " + OCTET_LENGTH(r.record_key) + OCTET_LENGTH(COALESCE(r.record_id, '')) + OCTET_LENGTH(COALESCE(r.licence_number, ''))"
                     + " + OCTET_LENGTH(COALESCE(r.name, '')) + OCTET_LENGTH(COALESCE(r.holder, '')) + OCTET_LENGTH(COALESCE(r.district, ''))"
                     + " + OCTET_LENGTH(COALESCE(r.mineral, '')) + OCTET_LENGTH(COALESCE(r.verdict, '')) + OCTET_LENGTH(COALESCE(r.description_sha, ''))"
                     + " + OCTET_LENGTH(COALESCE(d.body, '')) + 24) FROM audit_record r"
                     + " LEFT JOIN audit_description d ON d.sha256 = r.description_sha WHERE r.run_id = " + runId)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void assertClose(String readme, String sentence, double measured) {
        Matcher m = Pattern.compile(sentence).matcher(readme);
        assertTrue(m.find(), "README says '" + sentence + "'");
        double stated = Double.parseDouble(m.group(1));
        assertTrue(Math.abs(stated - measured) <= Math.max(0.1, stated * 0.1),
                "README says " + stated + " KB for '" + sentence + "', measured " + String.format("%.2f", measured));
    }
}
