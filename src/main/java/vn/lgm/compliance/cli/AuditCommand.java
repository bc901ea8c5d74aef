package vn.lgm.compliance.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.lgm.compliance.audit.Audit;
import vn.lgm.compliance.audit.AuditRunner;
import vn.lgm.compliance.audit.RunInfo;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.report.AuditReportOptions;
import vn.lgm.compliance.report.RegulatorAudit;

/** {@code audit}: a whole register (JSON Lines or CSV) assessed record by record, with report and manifest. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit every record of a register: JSON Lines (one project per line) or CSV through a column mapping.")
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Input file: .jsonl/.ndjson (contract projects) or .csv (a register)")
    Path in;

    @Option(names = "--out", required = true, description = "Output NDJSON: one line per input record, in input order")
    Path out;

    @Option(names = "--report", description = "The department report; FILE.html, FILE.json and FILE.xlsx are written (see --format)")
    Path report;

    @Option(names = "--as-of", description = "Apply the law as of this date (YYYY-MM-DD) to every record; default each record's assessmentDate, or today")
    LocalDate asOf;

    @Option(names = "--compare-as-of", description = "Also assess every record as of this date and report the findings that appear or disappear")
    LocalDate compareAsOf;

    @Option(names = "--mapping", description = "Column mapping for CSV input (default: ${DEFAULT-VALUE})", defaultValue = "mappings/lao-cai.yaml")
    Path mapping;

    @Option(names = "--rules", description = "Rules directory (default: ${DEFAULT-VALUE})", defaultValue = "rules")
    Path rules;

    /** Audit history, comparison, forward look, reform, report language and formats, exit on NON_COMPLIANT (issue #14). */
    @Mixin
    AuditReportOptions regulator;

    @Override
    public Integer call() throws Exception {
        RuleBase base = RuleBase.load(rules);
        ProgressBar bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("Auditing")
                .setStyle(ProgressBarStyle.ASCII).setInitialMax(-1).setUnit(" records", 1).build();
        Consumer<AuditRunner.Result> progress = bar == null ? null : r -> bar.step();
        RunInfo run;
        RegulatorAudit.Outcome outcome;
        try {
            outcome = new RegulatorAudit(new Assessor(base), regulator.store())
                    .run(regulator.request(in, out, report, asOf, compareAsOf, mapping), progress);
            run = outcome.run();
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("audit: " + e.getMessage());
            return 2;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("audit: no such file: " + e.getFile());
            return 2;
        } catch (java.io.IOException e) {
            System.err.println("audit: " + e);
            return 2;
        } finally {
            if (bar != null) {
                bar.close();
            }
        }
        RegulatorAudit.printSummary(System.out, outcome);
        System.out.printf("  %.2f s, %.0f records/s; output %s, manifest %s%n", run.seconds(), run.recordsPerSecond(), out,
                Audit.manifestPath(out));
        return run.balanced() ? regulator.exitCode(outcome) : 3;
    }
}
