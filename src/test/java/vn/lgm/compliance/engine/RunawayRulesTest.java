package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.JsonLinesSource;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Project;

/**
 * A faulty rule fails the one assessment it runs away in, with a clear error, and nothing else (issue #12): one
 * rule that updates its own fact for ever, one that keeps inserting new facts. The real rules plus these two,
 * compiled into a copy of the rules directory.
 */
class RunawayRulesTest {

    @TempDir
    static Path dir;

    static Assessor assessor;

    static final String FAULTY = """
            package rules.faulty;

            import vn.lgm.compliance.contract.model.*;

            global vn.lgm.compliance.engine.FindingCollector findings;
            global vn.lgm.compliance.engine.ParameterValues params;

            rule "Test: a rule that updates its own fact for ever"
                @id("TST-001") @area("OPERATIONS") @outcome("ADVISORY") @provision("TST")
                @citation("LGM Art 9(3)") @inForceFrom("2025-07-01")
                @title("loops") @titleVi("loops") @explanation("loops") @remediation("none")
            when
                $p : Project( id == "LOOP" )
            then
                update($p);
            end

            rule "Test: a rule that starts a chain of inserts"
                @id("TST-002") @area("OPERATIONS") @outcome("ADVISORY") @provision("TST")
                @citation("LGM Art 9(3)") @inForceFrom("2025-07-01")
                @title("inserts") @titleVi("inserts") @explanation("inserts") @remediation("none")
            when
                Project( id == "INSERT" )
            then
                insert(Long.valueOf(0));
            end

            rule "Test: a rule that keeps inserting"
                @id("TST-003") @area("OPERATIONS") @outcome("ADVISORY") @provision("TST")
                @citation("LGM Art 9(3)") @inForceFrom("2025-07-01")
                @title("inserts") @titleVi("inserts") @explanation("inserts") @remediation("none")
            when
                $n : Long()
            then
                insert(Long.valueOf($n + 1));
            end
            """;

    @BeforeAll
    static void compile() throws Exception {
        Path rules = dir.resolve("rules");
        vn.lgm.compliance.TestFiles.copyTree(Path.of("rules"), rules);
        Files.createDirectories(rules.resolve("faulty"));
        Files.writeString(rules.resolve("faulty/faulty.drl"), FAULTY);
        // The loader checks every rule's @provision against the register: the test's rules get a provision of their own.
        Files.writeString(rules.resolve("provisions.yaml"), Files.readString(rules.resolve("provisions.yaml")).stripTrailing()
                + "\n  TST: {citation: \"a faulty rule for this test\", status: ENCODED, rules: [TST-001, TST-002, TST-003]}\n");
        // ... and their reader's texts in Vietnamese, which load with the rules (a full audit line is written by them)
        Path vi = rules.resolve("i18n/vi.yaml");
        Files.writeString(vi, Files.readString(vi).stripTrailing() + "\n"
                + "TST-001: {explanation: \"lặp\", remediation: \"không\"}\n"
                + "TST-002: {explanation: \"chèn\", remediation: \"không\"}\n"
                + "TST-003: {explanation: \"chèn\", remediation: \"không\"}\n");
        vn.lgm.compliance.cli.Cli.quietLogging();
        // The rules compile against this class loader, whatever an earlier test left as the thread's.
        Thread t = Thread.currentThread();
        ClassLoader before = t.getContextClassLoader();
        t.setContextClassLoader(RunawayRulesTest.class.getClassLoader());
        try {
            assessor = new Assessor(RuleBase.load(rules), 10_000, Duration.ofSeconds(60));
        } finally {
            t.setContextClassLoader(before);
        }
    }

    private static Project project(String id) {
        return ProjectReader.json().read("{\"id\": \"" + id + "\", \"assessmentDate\": \"2026-03-01\", \"stage\": \"PROPOSAL\"}").project();
    }

    @Test
    void aLoopingRuleFailsItsAssessmentAndTheNextOneIsFine() {
        Assessor.LimitExceeded e = assertThrows(Assessor.LimitExceeded.class, () -> assessor.assess(project("LOOP")));
        assertTrue(e.getMessage().contains("fired more than 10000 times"), e.getMessage());
        assertEquals("P-OK", assessor.assess(project("P-OK")).projectId(), "the same thread's next assessment works");
    }

    @Test
    void anInsertingRuleFailsItsAssessmentBeforeTheHeapDoes() {
        Assessor.LimitExceeded e = assertThrows(Assessor.LimitExceeded.class, () -> assessor.assess(project("INSERT")));
        assertTrue(e.getMessage().contains("a rule is looping"), e.getMessage());
        assertEquals("P-OK", assessor.assess(project("P-OK")).projectId());
    }

    @Test
    void aTimeLimitStopsARuleThatRunsTooLong() {
        Assessor strict = new Assessor(assessor.rules(), Long.MAX_VALUE / 2, Duration.ofMillis(200));
        Assessor.LimitExceeded e = assertThrows(Assessor.LimitExceeded.class, () -> strict.assess(project("LOOP")));
        assertTrue(e.getMessage().contains("was stopped after 200 ms"), e.getMessage());
    }

    @Test
    void inAnAuditTheyAreTheirRecordsErrorsAndTheRunIsComplete() {
        String input = String.join("\n", List.of(
                "{\"id\": \"A\", \"stage\": \"PROPOSAL\"}", "{\"id\": \"LOOP\"}", "{\"id\": \"B\"}", "{\"id\": \"INSERT\"}", "{\"id\": \"C\"}"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AuditRunner.Outcome o = new AuditRunner(assessor, java.time.LocalDate.of(2026, 3, 1), null).run(
                new JsonLinesSource(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8))), out, null, new AuditRunner.Stop());
        assertTrue(o.complete());
        assertEquals(5, o.records());
        assertEquals(3, o.assessed());
        assertEquals(2, o.errors());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.get(1).contains("\"line\":2") && lines.get(1).contains("the assessment failed"), lines.get(1));
        assertTrue(lines.get(3).contains("\"id\":\"INSERT\""), lines.get(3));
    }
}
