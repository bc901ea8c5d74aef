package vn.lgm.compliance.regulator.audit;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Limits;

/**
 * One audit of one file: the input read once (its SHA-256 computed on the way), every record assessed, the results
 * written as NDJSON in input order, and beside them the run manifest and, if asked, the portfolio report.
 * The output is written to a {@code .partial} file beside it and renamed into place only when the run is
 * complete, so a partial file never looks final; a manifest from an earlier run is removed before the run starts,
 * and the new one says {@code complete: true} only when records in = assessed + errors and the input was read to
 * its end.
 */
public final class Audit {

    private final Assessor assessor;
    private final Limits limits;

    public Audit(Assessor assessor) {
        this(assessor, Limits.DEFAULTS);
    }

    public Audit(Assessor assessor, Limits limits) {
        this.assessor = assessor;
        this.limits = limits;
    }

    private LeanWriter.Detail detail;
    private Hooks hooks = new Hooks() {
    };

    /**
     * What a caller does at the edges of a run (the audit history): when the input is open and recognised and the
     * output can be written, before any line is — where it may still refuse the run by throwing — and when the run
     * has ended, before the manifest is written — what to add to it.
     */
    public interface Hooks {
        /** The input is open and its register recognised, the output created and empty. Throw to refuse the run. */
        default void opened(RecordSource source) {
        }

        /** The run has ended (complete or not): fields to add to its manifest. */
        default Map<String, Object> ended(RunInfo run) {
            return Map.of();
        }
    }

    /** The hooks of this audit (default: none). */
    public Audit hooks(Hooks hooks) {
        this.hooks = hooks;
        return this;
    }

    /** Lean or full output lines; null: lean when the input is over {@link LeanWriter#LEAN_ABOVE_BYTES}. */
    public Audit detail(LeanWriter.Detail detail) {
        this.detail = detail;
        return this;
    }

    private vn.lgm.compliance.texts.FindingLocalizer texts;
    private String lang;

    /** The reader's texts and language of the full lines (default: the rules' texts; Vietnamese for a CSV register, else English). */
    public Audit texts(vn.lgm.compliance.texts.FindingLocalizer texts, String lang) {
        this.texts = texts;
        this.lang = lang;
        return this;
    }

    /** The detail a run of this input gets. */
    public LeanWriter.Detail detailFor(Path in) throws IOException {
        return detail != null ? detail
                : java.nio.file.Files.size(in) > LeanWriter.LEAN_ABOVE_BYTES ? LeanWriter.Detail.LEAN : LeanWriter.Detail.FULL;
    }

    /** The default mapping for CSV registers, relative to the working directory (like rules/). */
    public static final Path DEFAULT_MAPPING = Path.of("mappings", "lao-cai.yaml");

    /**
     * Opens the right source for an input: CSV through the mapping, which recognises the register by its header,
     * or JSON Lines. {@code csv} null means: look at the first byte that is not a space or a byte-order mark — a
     * JSON object ('{') is JSON Lines, anything else a CSV header. The file's name plays no part.
     */
    public static RecordSource open(InputStream in, Boolean csv, Path mapping, Limits limits) throws IOException {
        InputStream body = in.markSupported() ? in : new BufferedInputStream(in, 1 << 16);
        boolean isCsv = csv != null ? csv : !startsWithObject(body);
        if (isCsv) {
            return new CsvSource(body, ColumnMapping.load(mapping == null ? DEFAULT_MAPPING : mapping), limits);
        }
        return new JsonLinesSource(body, limits);
    }

    private static boolean startsWithObject(InputStream in) throws IOException {
        in.mark(4096);
        try {
            for (int i = 0; i < 4096; i++) {
                int b = in.read();
                if (b == -1) {
                    return true; // empty: no records either way
                }
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) {
                    continue;
                }
                return b == '{';
            }
            return true;
        } finally {
            in.reset();
        }
    }

    public RunInfo run(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping,
                       Consumer<AuditRunner.Result> progress) throws IOException {
        return run(in, out, report, asOf, compareAsOf, mapping, progress, new AuditRunner.Stop());
    }

    /**
     * Audits one file. Refuses (IllegalArgumentException) an output, manifest or report that is the input itself,
     * and (NoSuchFileException, IllegalArgumentException) an input that does not exist or whose register is not
     * recognised — a refusal writes nothing and deletes nothing. The returned run says whether it is complete; when
     * it is not, the output stays at {@link #partialPath} with its final line saying why, and no report is written.
     */
    public RunInfo run(Path in, Path out, Path report, LocalDate asOf, LocalDate compareAsOf, Path mapping,
                       Consumer<AuditRunner.Result> progress, AuditRunner.Stop stop) throws IOException {
        refuseOverwritingInput(in, out, report);
        Path manifest = manifestPath(out);
        if (!Files.exists(in) || Files.isDirectory(in)) {
            throw new java.nio.file.NoSuchFileException(in.toString());
        }
        Instant started = Instant.now();
        MessageDigest sha = sha256();
        Portfolio portfolio = new Portfolio(assessor.rules());
        Consumer<AuditRunner.Result> listener = progress == null ? portfolio : portfolio.andThen(progress);
        String format;
        String kind;
        AuditRunner.Outcome outcome;
        Path partial = partialPath(out);
        try (InputStream raw = new DigestInputStream(new java.io.FileInputStream(in.toFile()), sha)) {
            // The input is opened and its register recognised before anything is written: a refusal leaves nothing.
            RecordSource source = open(new FilterInputStream(raw) {
                @Override
                public void close() {
                    // the file is closed by the outer resource, after the digest has read it to the end
                }
            }, null, mapping, limits);
            format = source.describe();
            kind = source.kind();
            if (partial.toAbsolutePath().getParent() != null) {
                Files.createDirectories(partial.toAbsolutePath().getParent());
            }
            try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16)) {
                // The output can be written; the caller may still refuse (a history that cannot be written): then the
                // empty partial file goes too, and nothing is left.
                try {
                    hooks.opened(source);
                } catch (RuntimeException e) {
                    o.close();
                    Files.deleteIfExists(partial);
                    throw e;
                }
                Files.deleteIfExists(manifest);
                // a register in Vietnamese (CSV) is written in Vietnamese unless told otherwise, as over HTTP
                outcome = new AuditRunner(assessor, asOf, compareAsOf).detail(detailFor(in)).withSpan(assessor.rules().lawSpan())
                        .texts(texts != null ? texts : vn.lgm.compliance.texts.FindingLocalizer.of(assessor.rules()),
                                lang != null ? lang : source instanceof CsvSource ? "vi" : "en")
                        .run(source, o, listener, stop);
            }
            if (outcome.complete()) {
                // The digest covers the whole file (a reader may leave trailing blank lines unread).
                raw.transferTo(OutputStream.nullOutputStream());
            }
        }
        RunInfo run = new RunInfo(in.toString(), outcome.complete() ? HexFormat.of().formatHex(sha.digest()) : null, format,
                kind, assessor.rules().version(), asOf, compareAsOf, started, Instant.now(), outcome.records(),
                outcome.assessed(), outcome.errors(), outcome.skipped(), outcome.readToEnd(), outcome.stopped(),
                outcome.ending(), outcome.warnings());
        if (run.complete()) {
            Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        Map<String, Object> m = ReportWriter.manifest(run);
        m.putAll(hooks.ended(run));
        ReportWriter.writeJson(manifest, m);
        if (report != null && run.complete()) {
            Map<String, Object> model = ReportWriter.model(portfolio, run);
            ReportWriter.writeJson(reportPath(report, ".json"), model);
            ReportWriter.writeHtml(reportPath(report, ".html"), model);
        }
        return run;
    }

    /** Refuses (IllegalArgumentException) an output, its partial file, manifest or report that is the input itself. */
    public static void refuseOverwritingInput(Path in, Path out, Path report) throws IOException {
        List<Path> written = new ArrayList<>(List.of(out, manifestPath(out), partialPath(out)));
        if (report != null) {
            written.add(reportPath(report, ".json"));
            written.add(reportPath(report, ".html"));
        }
        for (Path p : written) {
            if (same(in, p)) {
                throw new IllegalArgumentException("the output " + p + " is the input " + in
                        + "; refused, as it would overwrite the register before reading it");
            }
        }
    }

    private static boolean same(Path a, Path b) throws IOException {
        if (Files.exists(a) && Files.exists(b)) {
            return Files.isSameFile(a, b);
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    public static Path manifestPath(Path out) {
        return withoutExtension(out).resolveSibling(withoutExtension(out).getFileName() + ".manifest.json");
    }

    /** Where the output is written until the run is complete. */
    public static Path partialPath(Path out) {
        return out.resolveSibling(out.getFileName() + ".partial");
    }

    static Path reportPath(Path report, String extension) {
        Path base = withoutExtension(report);
        return base.resolveSibling(base.getFileName() + extension);
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
