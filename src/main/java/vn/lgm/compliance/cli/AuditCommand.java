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
        footer = "Exit status: 0 complete, no licence NON_COMPLIANT, every record read; 3 complete, a licence NON_COMPLIANT"
                + " (unless --soft-fail); 4 complete with warnings (a record that could not be read, a mapping section that"
                + " applied to no row, a run the audit history could not store); 5 incomplete: stopped by SIGINT or SIGTERM,"
                + " or the input or output failed (the manifest and the audit history say how far it got; no report);"
                + " 2 refused before the run (nothing written, nothing stored); 1 a rule that does not compile.")
public final class AuditCommand implements Callable<Integer> {

    /** Exit statuses (docs/AUDIT.md, "Exit status"). */
    static final int OK = 0;
    static final int REFUSED = 2;
    static final int NON_COMPLIANT = 3;
    static final int WARNINGS = 4;
    static final int INCOMPLETE = 5;

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
        AuditRunner.Stop stop = new AuditRunner.Stop();
        Signals signals = Signals.install(stop);
        try {
            return audit(stop, signals);
        } finally {
            signals.restore();
        }
    }

    private int audit(AuditRunner.Stop stop, Signals signals) throws Exception {
        try {
            Audit.refuseOverwritingInput(in, out, report);
        } catch (IllegalArgumentException e) {
            System.err.println("audit: " + e.getMessage());
            return REFUSED;
        }
        RuleBase base = RuleBase.load(rules);
        LawSpan span = base.lawSpan();
        for (var d : new Object[][] {{"--as-of", asOf}, {"--compare-as-of", compareAsOf}}) {
            InputError outside = span.check((String) d[0], (LocalDate) d[1]);
            if (outside != null) {
                System.err.println("audit: " + outside.path() + ": " + outside.message());
                return REFUSED;
            }
        }
        ProgressBar bar = null;
        RegulatorAudit.Outcome outcome;
        try {
            RegulatorAudit.Request request = regulator.request(in, out, report, asOf, compareAsOf, mapping);
            RegulatorAudit audit = new RegulatorAudit(new Assessor(base), regulator.store()).detail(LeanWriter.Detail.parse(detail));
            if (System.console() != null) {
                bar = new ProgressBarBuilder().setTaskName("Auditing").setStyle(ProgressBarStyle.ASCII).setInitialMax(-1)
                        .setUnit(" records", 1).build();
            }
            ProgressBar b = bar;
            Consumer<AuditRunner.Result> progress = b == null ? null : r -> b.step();
            signals.running(audit);
            outcome = audit.run(request, progress, stop);
        } catch (RegulatorAudit.RunFailed e) {
            System.err.println("audit: " + e.getMessage() + "; the audit history keeps it as run " + e.runId() + " (failed)");
            System.out.println("INCOMPLETE: " + e.getMessage());
            System.out.flush();
            return INCOMPLETE;
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("audit: refused before the run, nothing written or stored: " + e.getMessage());
            return REFUSED;
        } catch (java.nio.file.NoSuchFileException e) {
            System.err.println("audit: no such file: " + e.getFile());
            return REFUSED;
        } catch (java.io.IOException e) {
            System.err.println("audit: " + e);
            return REFUSED;
        } finally {
            signals.finishing();
            if (bar != null) {
                bar.close();
            }
        }
        RunInfo run = outcome.run();
        for (String w : run.warnings()) {
            System.err.println("audit: warning: " + w);
        }
        if (!run.complete()) {
            System.err.println("audit: the run is incomplete; the output so far is in " + Audit.partialPath(out)
                    + " and the manifest " + Audit.manifestPath(out) + " says why; the audit history keeps it as run "
                    + outcome.runId() + " (" + outcome.recorded().state().name().toLowerCase(java.util.Locale.ROOT)
                    + "), which is never compared with, reported or reformed as if complete; no report was written");
            System.out.printf("records in %d = assessed %d + errors %d  (INCOMPLETE: %s)%n", run.records(), run.assessed(),
                    run.errors(), run.stopped() != null ? run.stopped()
                            : run.balanced() ? "the input was not read to its end" : "not balanced");
            System.out.flush();
            return INCOMPLETE;
        }
        if (!outcome.recorded().recorded()) {
            System.err.println("audit: warning: the audit history could not store this run (" + outcome.recorded().problem()
                    + "); the output " + out + " is complete, the manifest " + Audit.manifestPath(out)
                    + " says the run was not recorded, and no department report was written");
            System.out.printf("records in %d = assessed %d + errors %d  (NOT RECORDED in the audit history)%n", run.records(),
                    run.assessed(), run.errors());
            System.out.flush();
            return WARNINGS;
        }
        if (!outcome.reported()) {
            System.err.println("audit: warning: the run is complete and stored as run " + outcome.runId()
                    + ", but its department report could not be made: " + outcome.reportProblem());
            System.out.printf("records in %d = assessed %d + errors %d  (stored as run %d; NO REPORT)%n", run.records(),
                    run.assessed(), run.errors(), outcome.runId());
            System.out.flush();
            return WARNINGS;
        }
        RegulatorAudit.printSummary(System.out, outcome);
        System.out.printf("  %.2f s, %.0f records/s; output %s, manifest %s%n", run.seconds(), run.recordsPerSecond(), out,
                Audit.manifestPath(out));
        System.out.flush();
        if (run.errors() > 0) {
            System.err.println("audit: warning: " + run.errors() + " record(s) could not be read; their error lines are in " + out);
        }
        // 3 when a licence breaks the law (unless --soft-fail), else 4 when the run has warnings, else 0.
        if (regulator.exitCode(outcome) != 0) {
            return NON_COMPLIANT;
        }
        return run.warnings().isEmpty() && run.errors() == 0 ? OK : WARNINGS;
    }

    /**
     * SIGINT and SIGTERM while the command runs. Before the run starts, nothing has been written: the process ends at
     * once (status 5). During the run, the first signal asks it to stop: it stops reading, writes the lines of the
     * batch at hand, ends the output with the {@code incomplete} line, writes the manifest, stores the run as
     * interrupted with the records it reached, prints its last line and exits 5; a second signal ends the process at
     * once (the history then keeps the run open until the next start-up marks it). After the run, while the report
     * is written, a signal ends the process at once, leaving no report file half-written. The signals are handled
     * here rather than by a shutdown hook, so the history and the output stay usable until the command is done.
     */
    static final class Signals {
        private static final String[] NAMES = {"INT", "TERM"};

        private final AuditRunner.Stop stop;
        private final java.util.Map<String, sun.misc.SignalHandler> previous = new java.util.HashMap<>();
        private volatile int phase; // 0 preparing, 1 running, 2 finishing
        private volatile RegulatorAudit audit;
        private volatile boolean asked;

        private Signals(AuditRunner.Stop stop) {
            this.stop = stop;
        }

        static Signals install(AuditRunner.Stop stop) {
            Signals s = new Signals(stop);
            for (String name : NAMES) {
                try {
                    s.previous.put(name, sun.misc.Signal.handle(new sun.misc.Signal(name), s::handle));
                } catch (IllegalArgumentException e) {
                    // the signal is not available here (or the JVM keeps it): its default stays
                }
            }
            return s;
        }

        void running(RegulatorAudit audit) {
            this.audit = audit;
            phase = 1;
        }

        void finishing() {
            phase = 2;
        }

        void restore() {
            previous.forEach((name, handler) -> sun.misc.Signal.handle(new sun.misc.Signal(name), handler));
        }

        private void handle(sun.misc.Signal signal) {
            String name = "SIG" + signal.getName();
            if (phase == 1 && !asked) {
                asked = true;
                stop.request("stopped by a signal (" + name + ") before the end of the input");
                return;
            }
            String why = phase == 0 ? "before the run began: nothing was written or stored"
                    : phase == 1 ? "a second time: the run stays open in the audit history until the next start-up marks it"
                    : "after the run, while its report was written: the run is stored; no report was written";
            RegulatorAudit a = audit;
            if (a != null) {
                a.discardReportBeingWritten();
            }
            System.out.flush();
            System.err.println("audit: stopped by " + name + " " + why);
            System.err.flush();
            Runtime.getRuntime().halt(INCOMPLETE);
        }
    }
}
