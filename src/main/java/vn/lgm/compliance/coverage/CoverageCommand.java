package vn.lgm.compliance.coverage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.lgm.compliance.cases.CaseLoader;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleBase;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = "Runs every case, maps provisions to rules to cases, mutation-tests every rule and threshold,"
                + " prints a summary and writes coverage.html, coverage.json and coverage-junit.xml.")
public class CoverageCommand implements Callable<Integer> {

    @Option(names = "--rules", defaultValue = "rules", description = "rules directory (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = "--cases", defaultValue = "cases", description = "cases directory (default: ${DEFAULT-VALUE})")
    Path casesDir;

    @Option(names = "--out", defaultValue = "target/coverage", description = "where the reports go (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        RuleBase rules = RuleBase.load(rulesDir);
        ProvisionRegister register = ProvisionRegister.load(rulesDir.resolve("provisions.yaml"));
        CoverageReport report = new CoverageRunner(rules, register).run(new CaseLoader().loadAll(casesDir));
        List<Path> written = CoverageWriter.writeAll(report, out);
        CoverageReport.Summary s = report.summary();
        System.out.printf("Provisions: %d, encoded %d, out of scope %d%n", s.provisions(), s.encoded(), s.outOfScope());
        System.out.printf("Rules: %d, fired by some case %d%n", s.rules(), s.rulesFired());
        System.out.printf("Cases: %d passed, %d failed%n", s.casesPassed(), s.casesFailed());
        System.out.printf("Mutation score: %.1f %% (unpinned rules %s, unpinned thresholds %s)%n",
                s.mutationScore() * 100, s.unpinnedRules(), s.unpinnedThresholds());
        System.out.printf("Run in %d ms; reports: %s%n", s.durationMillis(), written);
        if (!report.gateFailures().isEmpty()) {
            System.out.println("Gate fails:");
            report.gateFailures().forEach(g -> System.out.println("  - " + g));
            return 1;
        }
        System.out.println("Gate passes.");
        return 0;
    }
}
