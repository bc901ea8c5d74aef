package vn.lgm.compliance.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import vn.lgm.compliance.regulator.audit.Audit;
import vn.lgm.compliance.regulator.audit.LeanWriter;
import vn.lgm.compliance.regulator.audit.AuditRunner;
import vn.lgm.compliance.regulator.audit.RunInfo;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.regulator.report.RegulatorAudit;
import vn.lgm.compliance.contract.input.LawSpan;

/** {@code audit}: a whole register (JSON Lines or CSV) assessed record by record, with report and manifest. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit every record of a register: JSON Lines (one project per line) or CSV through a column mapping.",
        footer = "Exit status: 0 complete, no licence NON_COMPLIANT; 3 complete, a licence NON_COMPLIANT (unless --soft-fail);"
                + " 4 complete with warnings; 5 incomplete (the manifest says why); 2 refused.")
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Input file: JSON Lines (contract projects) or a CSV register, told apart by content; a register is recognised by its header")
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

    @Option(names = "--detail", description = "lean or full output lines (default: lean for input over 10 MB, else full;"
            + " a lean line keeps verdict, rule ids, outcomes and facts, and is expanded from GET /api/v1/rules?version=)")
    String detail;

    @Option(names = "--rules", description = "Rules directory (default: ${DEFAULT-VALUE})", defaultValue = "rules")
    Path rules;

    /** Audit history, comparison, forward look, reform, report language and formats, exit on NON_COMPLIANT (issue #14). */
    @Mixin
    AuditReportOptions regulator;

    @Override
    public Integer call() throws Exception {
        try {
            Audit.refuseOverwritingInput(in, out, report);
        } catch (IllegalArgumentException e) {
            System.err.println("audit: " + e.getMessage());
            return 2;
        }
        RuleBase base = RuleBase.load(rules);
        LawSpan span = base.lawSpan();
        for (var d : new Object[][] {{"--as-of", asOf}, {"--compare-as-of", compareAsOf}}) {
            InputError outside = span.check((String) d[0], (LocalDate) d[1]);
            if (outside != null) {
                System.err.println("audit: " + outside.path() + ": " + outside.message());
                return 2;
            }
        }
        ProgressBar bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("Auditing")
                .setStyle(ProgressBarStyle.ASCII).setInitialMax(-1).setUnit(" records", 1).build();
        Consumer<AuditRunner.Result> progress = bar == null ? null : r -> bar.step();
        // A signal (SIGTERM, SIGINT) asks the run to stop: it ends its output with a line saying so, writes an
        // honest manifest, and the process exits non-zero; the hook waits for that, up to a minute.
        AuditRunner.Stop stop = new AuditRunner.Stop();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.request("stopped by a signal before the end of the input");
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "audit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        RunInfo run;
        RegulatorAudit.Outcome outcome;
        try {
            outcome = new RegulatorAudit(new Assessor(base), regulator.store()).detail(LeanWriter.Detail.parse(detail))
                    .run(regulator.request(in, out, report, asOf, compareAsOf, mapping), progress, stop);
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
            finished.countDown();
            if (bar != null) {
                bar.close();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already: the hook is running
            }
        }
        for (String w : run.warnings()) {
            System.err.println("audit: warning: " + w);
        }
        if (!run.complete()) {
            System.out.printf("records in %d = assessed %d + errors %d  (INCOMPLETE: %s)%n", run.records(), run.assessed(),
                    run.errors(), run.stopped() != null ? run.stopped()
                            : run.balanced() ? "the input was not read to its end" : "not balanced");
            System.err.println("audit: the run is incomplete; the output so far is in " + Audit.partialPath(out)
                    + " and the manifest " + Audit.manifestPath(out) + " says why");
            return 5;
        }
        RegulatorAudit.printSummary(System.out, outcome);
        System.out.printf("  %.2f s, %.0f records/s; output %s, manifest %s%n", run.seconds(), run.recordsPerSecond(), out,
                Audit.manifestPath(out));
        // 3 when a licence breaks the law (unless --soft-fail), else 4 when the run has warnings, else 0.
        int verdict = regulator.exitCode(outcome);
        return verdict != 0 ? verdict : run.warnings().isEmpty() ? 0 : 4;
    }
}
