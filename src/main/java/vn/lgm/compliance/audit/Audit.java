package vn.lgm.compliance.audit;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import vn.lgm.compliance.engine.Assessor;

/**
 * One audit of one file: the input read once (its SHA-256 computed on the way), every record assessed, the results
 * written as NDJSON in input order, and beside them the run manifest and, if asked, the portfolio report.
 */
public final class Audit {


    private final Assessor assessor;

    public Audit(Assessor assessor) {
        this.assessor = assessor;
    }

    private LeanWriter.Detail detail;

    /** Lean or full output lines; null: lean when the input is over {@link LeanWriter#LEAN_ABOVE_BYTES}. */
    public Audit detail(LeanWriter.Detail detail) {
        this.detail = detail;
        return this;
    }

    /** The detail a run of this input gets. */
    public LeanWriter.Detail detailFor(Path in) throws IOException {
        return detail != null ? detail
                : java.nio.file.Files.size(in) > LeanWriter.LEAN_ABOVE_BYTES ? LeanWriter.Detail.LEAN : LeanWriter.Detail.FULL;
    }

    /** The default mapping for CSV registers, relative to the working directory (like rules/). */
    public static final Path DEFAULT_MAPPING = Path.of("mappings", "lao-cai.yaml");

    public static boolean isCsv(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    /** Opens the right source for a file: CSV through the mapping (chosen by file name), else JSON Lines. */
    public static RecordSource open(InputStream in, String fileName, boolean csv, Path mapping) throws IOException {
        if (csv) {
            return new CsvSource(in, ColumnMapping.load(mapping == null ? DEFAULT_MAPPING : mapping).forFile(fileName));
        }
        return new JsonLinesSource(in);
    }

    public RunInfo run(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping,
                       Consumer<AuditRunner.Result> progress) throws IOException {
        Instant started = Instant.now();
        MessageDigest sha = sha256();
        Portfolio portfolio = new Portfolio(assessor.rules());
        Consumer<AuditRunner.Result> listener = progress == null ? portfolio : portfolio.andThen(progress);
        String format;
        try (InputStream raw = new DigestInputStream(Files.newInputStream(in), sha);
             RecordSource source = open(new java.io.FilterInputStream(raw) {
                 @Override
                 public void close() {
                     // the file is closed by the outer resource, after the digest has read it to the end
                 }
             }, in.getFileName().toString(), isCsv(in.toString()), mapping);
             OutputStream o = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
            format = source.describe();
            new AuditRunner(assessor, asOf, compareAsOf).detail(detailFor(in)).run(source, o, listener);
            // The digest must cover the whole file even if the reader stopped early (it never does for JSONL).
            raw.transferTo(OutputStream.nullOutputStream());
        }
        RunInfo run = new RunInfo(in.toString(), HexFormat.of().formatHex(sha.digest()), format, assessor.rules().version(),
                asOf, compareAsOf, started, Instant.now(), portfolio.records(), portfolio.assessed(), portfolio.errors());
        ReportWriter.writeJson(manifestPath(out), ReportWriter.manifest(run));
        if (report != null) {
            Map<String, Object> model = ReportWriter.model(portfolio, run);
            Path base = withoutExtension(report);
            ReportWriter.writeJson(base.resolveSibling(base.getFileName() + ".json"), model);
            ReportWriter.writeHtml(base.resolveSibling(base.getFileName() + ".html"), model);
        }
        return run;
    }

    public static Path manifestPath(Path out) {
        return withoutExtension(out).resolveSibling(withoutExtension(out).getFileName() + ".manifest.json");
    }

    static Path withoutExtension(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? p.resolveSibling(name.substring(0, dot)) : p;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
