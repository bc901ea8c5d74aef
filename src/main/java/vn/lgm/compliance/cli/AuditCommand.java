package vn.lgm.compliance.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import vn.lgm.compliance.audit.Audit;
import vn.lgm.compliance.audit.LeanWriter;
import vn.lgm.compliance.audit.AuditRunner;
import vn.lgm.compliance.audit.RunInfo;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;

/** {@code audit}: a whole register (JSON Lines or CSV) assessed record by record, with report and manifest. */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Audit every record of a register: JSON Lines (one project per line) or CSV through a column mapping.")
public final class AuditCommand implements Callable<Integer> {

    @Option(names = "--in", required = true, description = "Input file: .jsonl/.ndjson (contract projects) or .csv (a register)")
    Path in;

    @Option(names = "--out", required = true, description = "Output NDJSON: one line per input record, in input order")
    Path out;

    @Option(names = "--report", description = "Portfolio report; FILE.html and FILE.json are written")
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

    @Override
    public Integer call() throws Exception {
        RuleBase base = RuleBase.load(rules);
        ProgressBar bar = System.console() == null ? null : new ProgressBarBuilder().setTaskName("Auditing")
                .setStyle(ProgressBarStyle.ASCII).setInitialMax(-1).setUnit(" records", 1).build();
        Consumer<AuditRunner.Result> progress = bar == null ? null : r -> bar.step();
        RunInfo run;
        try {
            run = new Audit(new Assessor(base)).detail(LeanWriter.Detail.parse(detail)).run(in, out, report, asOf, compareAsOf, mapping, progress);
        } catch (IllegalArgumentException e) {
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
        System.out.printf("records in %d = assessed %d + errors %d%s%n", run.records(), run.assessed(), run.errors(),
                run.balanced() ? "" : "  (NOT BALANCED)");
        System.out.printf("%.2f s, %.0f records/s; output %s, manifest %s%s%n", run.seconds(), run.recordsPerSecond(), out,
                Audit.manifestPath(out), report == null ? "" : ", report " + report);
        return run.balanced() ? 0 : 3;
    }
}
