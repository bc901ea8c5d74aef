package vn.lgm.compliance.cli;

import vn.lgm.compliance.lawyer.CoverageReport;
import vn.lgm.compliance.lawyer.CoverageRunner;
import vn.lgm.compliance.lawyer.CoverageWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.lawyer.DirectoryWatcher;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleLoadException;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Runs every case, maps provisions to rules to cases, mutation-tests every rule and threshold,"
                + " prints a summary and writes coverage.html, coverage.json and coverage-junit.xml. With --watch, stays"
                + " running and re-checks each edit of rules/ or cases/: recompiles only the changed rule package, reruns"
                + " the cases and the mutants the changed rules touch, and prints what broke and what was fixed.")
public class CoverageCommand implements Callable<Integer> {

    @Option(names = "--rules", defaultValue = "rules", description = "rules directory (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = "--cases", defaultValue = "cases", description = "cases directory (default: ${DEFAULT-VALUE})")
    Path casesDir;

    @Option(names = "--out", defaultValue = "target/coverage", description = "where the reports go (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--watch", description = "keep running; re-check every change to the rules or the cases (Ctrl-C stops)")
    boolean watch;

    private final PrintStream stdout;

    public CoverageCommand() {
        this(System.out);
    }

    /** Writing to {@code out} (a test reads what the watch prints). */
    CoverageCommand(PrintStream out) {
        this.stdout = out;
    }

    @Override
    public Integer call() throws IOException, InterruptedException {
        RuleBase rules = RuleBase.load(rulesDir);
        CoverageRunner runner = new CoverageRunner(rules, ProvisionRegister.load(rulesDir.resolve("provisions.yaml")));
        List<TestCase> cases = new CaseLoader().loadAll(casesDir);
        CoverageReport report = runner.run(cases);
        int status = print(report, CoverageWriter.writeAll(report, out));
        if (!watch) {
            return status;
        }
        try (DirectoryWatcher watcher = new DirectoryWatcher(50, rulesDir, casesDir)) {
            stdout.println("Watching " + rulesDir + " and " + casesDir + " (Ctrl-C stops).");
            // Cases edited while the rules did not compile are read again at the next good load.
            boolean casesChanged = false;
            while (true) {
                DirectoryWatcher.Change change = watcher.awaitChange();
                long start = System.nanoTime();
                casesChanged |= change.under(casesDir);
                RuleBase next;
                try {
                    next = RuleBase.load(rulesDir);
                } catch (RuleLoadException e) {
                    stdout.println("Rule error: " + e.getMessage() + " (the last good rules stay checked)");
                    continue;
                }
                long loaded = System.nanoTime();
                CoverageRunner nextRunner = new CoverageRunner(next, ProvisionRegister.load(rulesDir.resolve("provisions.yaml")));
                if (casesChanged) {
                    cases = new CaseLoader().loadAll(casesDir);
                }
                long casesRead = System.nanoTime();
                // What broke is printed as soon as the gate is decided (exactly the complete run's gate: see
                // CoverageRunner.rerun); the remaining mutant runs then complete the report's lists of killers.
                CoverageReport before = report;
                boolean wasCasesChanged = casesChanged;
                CoverageReport[] early = new CoverageReport[1];
                CoverageReport nextReport = nextRunner.rerun(cases, runner, (gate, how) -> {
                    long decided = System.nanoTime();
                    stdout.printf("%nRe-checked in %d ms: rules %d ms (%s); cases %s; %s, %d ms%n",
                            (decided - start) / 1_000_000, (loaded - start) / 1_000_000, next.howBuilt(),
                            wasCasesChanged ? "read again in " + (casesRead - loaded) / 1_000_000 + " ms" : "unchanged",
                            how, (decided - casesRead) / 1_000_000);
                    printChanges(before, gate);
                    early[0] = gate;
                });
                long checked = System.nanoTime();
                casesChanged = false;
                stdout.printf("Report complete in %d ms: %s%n", (checked - start) / 1_000_000, nextRunner.rerunSummary());
                if (early[0] == null || !early[0].gateFailures().equals(nextReport.gateFailures())) {
                    // Not expected (the early gate is exact); if it ever happens, what the complete run says is what counts.
                    stdout.println("  The complete run's gate differs from the one printed above; against the previous run:");
                    printChanges(before, nextReport);
                }
                print(nextReport, CoverageWriter.writeAll(nextReport, out));
                runner = nextRunner;
                report = nextReport;
            }
        }
    }

    /**
     * BROKE: each gate failure of {@code now} that {@code then} did not have. FIXED: each case, rule, threshold or
     * provision that failed the gate then and fails it no more, with its state now (the case passes with these
     * findings, the rule is pinned by that case …), not the failure it had. A subject that fails differently now is
     * shown by its BROKE line alone. Or that nothing broke.
     */
    private void printChanges(CoverageReport then, CoverageReport now) {
        List<String> broke = new ArrayList<>(now.gateFailures());
        broke.removeAll(then.gateFailures());
        List<String> fixed = new ArrayList<>();
        for (String g : then.gateFailures()) {
            String subject = CoverageReport.subject(g);
            if (!now.fails(subject) && !fixed.contains(subject)) {
                fixed.add(subject);
            }
        }
        broke.forEach(g -> stdout.println("  BROKE: " + g));
        fixed.forEach(subject -> stdout.println("  FIXED: " + now.now(subject)));
        if (broke.isEmpty() && fixed.isEmpty()) {
            stdout.println("  Nothing broke.");
        }
    }

    private int print(CoverageReport report, List<Path> written) {
        CoverageReport.Summary s = report.summary();
        stdout.printf("Provisions: %d, encoded %d, out of scope %d%n", s.provisions(), s.encoded(), s.outOfScope());
        stdout.printf("Rules: %d, fired by some case %d%n", s.rules(), s.rulesFired());
        stdout.printf("Cases: %d passed, %d failed%n", s.casesPassed(), s.casesFailed());
        stdout.printf("Mutation score: %.1f %% (unpinned rules %s, unpinned thresholds %s)%n",
                s.mutationScore() * 100, s.unpinnedRules(), s.unpinnedThresholds());
        stdout.printf("Run in %d ms; reports: %s%n", s.durationMillis(), written);
        if (!report.gateFailures().isEmpty()) {
            stdout.println("Gate fails:");
            report.gateFailures().forEach(g -> stdout.println("  - " + g));
            return 1;
        }
        stdout.println("Gate passes.");
        return 0;
    }
}
