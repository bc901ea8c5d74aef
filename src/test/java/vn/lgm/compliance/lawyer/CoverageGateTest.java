package vn.lgm.compliance.lawyer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.TestFiles;

/**
 * The CI gate: fails when a case fails, when an ENCODED provision has no firing case, when a provision is not
 * accounted for, or when a rule or threshold is unpinned (mutation testing). Also writes the three reports.
 * The full mutation run is made once, on the real rules; the tests that break something in a copy rerun only what
 * the edit touches (as {@code coverage --watch} does), and one checks that such a rerun gives exactly the report
 * a full run gives.
 */
class CoverageGateTest {

    static final List<TestCase> CASES = new CaseLoader().loadAll(Path.of("cases"));

    private static CoverageRunner fullRunner;
    private static CoverageReport full;

    @TempDir
    Path dir;

    /** The one full run, on the real rules. */
    static synchronized CoverageReport full() {
        if (full == null) {
            fullRunner = runner(Path.of("rules"));
            full = fullRunner.run(CASES);
        }
        return full;
    }

    static CoverageRunner runner(Path rulesDir) {
        return new CoverageRunner(RuleBase.load(rulesDir), ProvisionRegister.load(rulesDir.resolve("provisions.yaml")));
    }

    /** The coverage of edited rules, rerun from the full run's state. */
    static CoverageReport rerun(CoverageRunner runner) {
        full();
        return runner.rerun(CASES, fullRunner);
    }

    @Test
    void theLawIsCoveredAndEveryRuleIsPinned() {
        CoverageReport report = full();
        CoverageWriter.writeAll(report, Path.of("target/coverage"));
        assertTrue(report.gateFailures().isEmpty(),
                () -> "Coverage gate (report: target/coverage/coverage.html):\n - " + String.join("\n - ", report.gateFailures()));
        assertEquals(report.summary().rules(), report.summary().rulesFired());
    }

    @Test
    void deletingTheBodyOfARuleFailsNamingTheRuleAndItsProvisionAndARerunBackGivesTheFullReport() throws IOException {
        Path rules = copy(Path.of("rules"));
        Path file = rules.resolve("export/export.drl");
        String text = Files.readString(file);
        String body = "findings.breach(kcontext, oneOf($x.at(\"mineral\"), MineralName.RARE_EARTH), oneOf($x.at(\"product\"), Product.ORE, Product.CONCENTRATE));";
        assertTrue(text.contains(body));
        Files.writeString(file, text.replace(body, ""));
        CoverageRunner edited = runner(rules);
        full();
        List<CoverageReport> gate = new java.util.ArrayList<>();
        CoverageReport report = edited.rerun(CASES, fullRunner, (early, how) -> gate.add(early));
        assertEquals(1, gate.size());
        assertEquals(report.gateFailures(), gate.get(0).gateFailures(), "the gate printed early is the complete run's");
        assertEquals(report.summary().unpinnedRules(), gate.get(0).summary().unpinnedRules());
        assertEquals(report.summary().unpinnedThresholds(), gate.get(0).summary().unpinnedThresholds());
        String all = String.join("\n", report.gateFailures());
        assertTrue(all.contains("EXP-001") && all.contains("provision A1"), all);
        assertTrue(report.summary().casesFailed() > 0, all);
        assertTrue(edited.rerunSummary().startsWith("changed rules [EXP-001]"), edited.rerunSummary());

        // Undo the edit and rerun from the edited state: exactly the full run's report.
        Files.writeString(file, text);
        CoverageRunner back = runner(rules);
        CoverageReport again = back.rerun(CASES, edited);
        assertEquals(withoutTime(full()), withoutTime(again), back.rerunSummary());
    }

    @Test
    void aRewordedRemedyRerunsNoMutantButAnOutcomeEditedWithItIsCaught() throws IOException {
        Path rules = copy(Path.of("rules"));
        Path file = rules.resolve("export/export.drl");
        String text = Files.readString(file);
        String remedy = "@remediation(\"Do not export the {product}.";
        assertTrue(text.contains(remedy));
        String reworded = text.replace(remedy, "@remediation(\"Never export the {product} raw.");

        // Texts only: no mutant is rerun, and the report is exactly the full run's.
        Files.writeString(file, reworded);
        CoverageRunner texts = runner(rules);
        CoverageReport report = rerun(texts);
        assertTrue(texts.rerunSummary().startsWith("changed rules [], texts only [EXP-001], touched cases 0: "),
                texts.rerunSummary());
        assertTrue(texts.rerunSummary().contains(" 0 rule-mutant runs, 0 threshold runs"), texts.rerunSummary());
        // (the rules' version is a hash of their files, so it changes with any edit)
        assertEquals(withoutTime(full()).replace(full().summary().rulesVersion(), "v"),
                withoutTime(report).replace(report.summary().rulesVersion(), "v"), texts.rerunSummary());

        // The outcome changed in the same header, with another reworded text: a changed rule, and the cases that
        // expect EXP-001's violation fail, named.
        String outcome = "@id(\"EXP-001\") @area(\"EXPORT\") @outcome(\"VIOLATION\")";
        assertTrue(text.contains(outcome));
        // (an ADVISORY judges no act with others: the rule leaves the export act with it)
        Files.writeString(file, reworded.replace("Never export the", "Do not ever export the")
                .replace(outcome, outcome.replace("VIOLATION", "ADVISORY")).replace("    @act(\"export\") @actOrder(\"1\")\n", ""));
        CoverageRunner changed = runner(rules);
        List<CoverageReport> gate = new java.util.ArrayList<>();
        CoverageReport broken = changed.rerun(CASES, texts, (early, how) -> gate.add(early));
        assertEquals(broken.gateFailures(), gate.get(0).gateFailures(), "the gate printed early is the complete run's");
        assertTrue(changed.rerunSummary().startsWith("changed rules [EXP-001], touched cases "), changed.rerunSummary());
        assertTrue(broken.summary().casesFailed() > 0, changed.rerunSummary());
        String all = String.join("\n", broken.gateFailures());
        assertTrue(all.contains("EXP-001-fail-ore"), all);

        // Reworded again but the consequence edited too (its body deleted): a changed rule, caught.
        String body = "findings.breach(kcontext, oneOf($x.at(\"mineral\"), MineralName.RARE_EARTH), oneOf($x.at(\"product\"), Product.ORE, Product.CONCENTRATE));";
        assertTrue(text.contains(body));
        Files.writeString(file, text.replace(remedy, "@remediation(\"Please do not export the {product}.")
                .replace(body, ""));
        CoverageRunner gutted = runner(rules);
        CoverageReport unpinned = gutted.rerun(CASES, texts);
        assertTrue(gutted.rerunSummary().startsWith("changed rules [EXP-001], touched cases "), gutted.rerunSummary());
        String failures = String.join("\n", unpinned.gateFailures());
        assertTrue(unpinned.summary().casesFailed() > 0 && failures.contains("EXP-001"), failures);
    }

    /**
     * APP-003 fires, on some cases, only when a definition is switched off (DEF-011 off makes it fire where it does
     * not in the case's plain run). Its consequence edited to report wherever it fires: those mutant runs must be
     * rerun too, so the rerun gives exactly the report a full run of the edited rules gives.
     */
    @Test
    void aRuleThatFiresOnlyUnderAMutantHasThoseMutantRunsRerunWhenItChanges() throws IOException {
        Path rules = copy(Path.of("rules"));
        Path file = rules.resolve("approval/who-may.drl");
        String text = Files.readString(file);
        String body = "findings.given(kcontext, $s, issueDateSettled()).require(isTrue(\"licence.pmApproval\"));";
        assertTrue(text.contains(body));
        Files.writeString(file, text.replace(body, "findings.breach(kcontext, $s);"));
        CoverageRunner edited = runner(rules);
        CoverageReport rerun = rerun(edited);
        assertTrue(edited.rerunSummary().startsWith("changed rules [APP-003]"), edited.rerunSummary());
        CoverageReport whole = runner(rules).run(CASES);
        assertEquals(withoutTime(whole), withoutTime(rerun), edited.rerunSummary());
    }

    /**
     * A rule whose consequence runs but can never find anything "fires" on the agenda in every case it matches: the gate
     * still fails its provision, since no case makes the provision's rule give a finding.
     */
    @Test
    void aProvisionWhoseRulesFireButNeverFindFailsTheGate() throws IOException {
        Path rules = copy(Path.of("rules"));
        Path file = rules.resolve("export/export.drl");
        String text = Files.readString(file);
        String body = "findings.breach(kcontext, $m.at(\"name\"));";
        assertTrue(text.contains(body));
        Files.writeString(file, text.replace(body, "findings.given(kcontext, $m.at(\"name\")).require(known(\"activities\"));"));
        CoverageReport report = rerun(runner(rules));
        String all = String.join("\n", report.gateFailures());
        assertTrue(report.rules().stream().anyMatch(r -> r.id().equals("EXP-007") && r.timesFired() > 0), "EXP-007 still fires");
        assertTrue(all.contains("provision A3") && all.contains("no case makes any of its rules [EXP-007] fire"), all);
    }

    @Test
    void aThresholdNoCaseNoticesIsUnpinned() throws IOException {
        Path rules = copy(Path.of("rules"));
        Files.writeString(rules.resolve("parameters.yaml"), Files.readString(rules.resolve("parameters.yaml"))
                + "\nunused.threshold:\n  title: read by no rule\n  unit: count\n  values:\n"
                + "    - {from: 2025-07-01, value: 7, citation: LGM Art 1}\n");
        CoverageReport report = rerun(runner(rules));
        assertTrue(report.summary().unpinnedThresholds().contains("unused.threshold"), report.summary().toString());
        assertTrue(String.join("\n", report.gateFailures()).contains("threshold unused.threshold"));
    }

    @Test
    void reportsAreWrittenInThreeFormats() throws IOException {
        CoverageReport report = full();
        List<Path> files = CoverageWriter.writeAll(report, dir);
        String html = Files.readString(files.get(1));
        for (var p : report.provisions()) {
            assertTrue(html.contains("<b>" + p.id() + "</b>"), "the HTML shows provision " + p.id());
        }
        assertTrue(Files.readString(files.get(0)).startsWith("{\n  \"summary\" : {"), "JSON starts with the summary");
        assertTrue(Files.readString(files.get(2)).contains("<testsuite name=\"cases\""));
    }

    @Test
    void thePageEscapesWhatItShows() {
        CoverageReport report = full();
        CoverageReport withMarkup = new CoverageReport(report.summary(), report.provisions(), report.rules(),
                report.cases(), report.thresholds(), List.of("case <script>x</script> fails"));
        String html = CoverageWriter.html(withMarkup);
        assertTrue(html.contains("case &lt;script&gt;x&lt;/script&gt; fails"), "gate failures are HTML-escaped");
        assertTrue(!html.contains("<script>"), "no markup from the data reaches the page");
    }

    private static String withoutTime(CoverageReport r) {
        CoverageReport.Summary s = r.summary();
        CoverageReport.Summary noTime = new CoverageReport.Summary(s.provisions(), s.encoded(), s.outOfScope(), s.rules(),
                s.rulesFired(), s.casesPassed(), s.casesFailed(), s.mutationScore(), s.unpinnedRules(),
                s.unpinnedThresholds(), s.rulesVersion(), 0);
        return new CoverageReport(noTime, r.provisions(), r.rules(), r.cases(), r.thresholds(), r.gateFailures()).toString()
                .replace(Path.of("rules").toAbsolutePath().toString(), "rules");
    }

    private Path copy(Path rules) throws IOException {
        return TestFiles.copyTree(rules, dir.resolve("rules"));
    }
}
