package vn.lgm.compliance.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;
import vn.lgm.compliance.TestFiles;

/**
 * {@code coverage --watch} end to end, on a copy of rules/ and of the export cases (a small set, so the first full
 * run is short; its gate fails for the rules no export case fires, which is not what is checked here). A reworded
 * remedy is re-checked as texts only and breaks nothing; then a consequence deleted in the same save as a reworded
 * text is reported as broken, naming the rule; then the file put back is reported fixed, each FIXED line saying what
 * holds now (the case passes, the rule is pinned by a case). No clock is asserted: each step waits for the line it expects, for
 * at most ten minutes (a bound no busy machine reaches).
 */
class CoverageWatchTest {

    private static final Duration BOUND = Duration.ofMinutes(10);

    @TempDir
    Path tmp;

    @Test
    void aTextEditBreaksNothingAndARuleEditThatBreaksACaseIsReported() throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path cases = tmp.resolve("cases");
        TestFiles.copyTree(Path.of("cases/_base"), cases.resolve("_base"));
        TestFiles.copyTree(Path.of("cases/export"), cases.resolve("export"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        // Interrupted at the end of the test: the watch stops there (not an error to print).
        Thread watch = new Thread(() -> new CommandLine(new CoverageCommand(out))
                .setExecutionExceptionHandler((e, command, parsed) -> {
                    if (e instanceof InterruptedException) {
                        return 0;
                    }
                    throw e;
                }).execute("--watch",
                "--rules", rules.toString(), "--cases", cases.toString(), "--out", tmp.resolve("coverage").toString()));
        watch.setDaemon(true);
        watch.start();
        try {
            awaitLines(bytes, "Watching ", 1);

            Path file = rules.resolve("export/export.drl");
            String text = Files.readString(file);
            String remedy = "@remediation(\"Do not export the {product}.";
            assertTrue(text.contains(remedy));
            Files.writeString(file, text.replace(remedy, "@remediation(\"Never export the {product}."));
            String first = awaitLines(bytes, "Re-checked in ", 1);
            assertTrue(first.contains("texts only [EXP-001]") && first.contains("0 of 0 mutant runs to decide the gate"),
                    first);
            assertTrue(first.contains("  Nothing broke.") && first.contains("0 rule-mutant runs, 0 threshold runs"), first);

            String body = "findings.breach(kcontext, oneOf($x.at(\"mineral\"), MineralName.RARE_EARTH), oneOf($x.at(\"product\"), Product.ORE, Product.CONCENTRATE));";
            assertTrue(text.contains(body));
            Files.writeString(file, text.replace(remedy, "@remediation(\"Do not ever export the {product}.")
                    .replace(body, ""));
            String second = awaitLines(bytes, "Re-checked in ", 2);
            String after = second.substring(second.lastIndexOf("Re-checked in "));
            assertTrue(after.contains("changed rules [EXP-001]"), after);
            assertTrue(after.contains("  BROKE: case EXP-001-fail-ore") || after.matches("(?s).*  BROKE: case [^\\n]*EXP-001-fail-ore.*"),
                    after);
            assertTrue(after.matches("(?s).*  BROKE: rule EXP-001 .*"), after);
            // printed before the report completes, and the complete report agrees with it
            assertTrue(after.indexOf("  BROKE: ") < after.indexOf("Report complete in "), after);
            assertTrue(!after.contains("differs from the one printed above"), after);

            // Put the consequence back: the FIXED lines say what holds now, not the failure that was.
            Files.writeString(file, text);
            String third = awaitLines(bytes, "Re-checked in ", 3);
            String fixed = third.substring(third.lastIndexOf("Re-checked in "));
            assertTrue(fixed.matches("(?s).*  FIXED: case EXP-001-fail-ore now passes: NON_COMPLIANT with [^\\n]*EXP-001[+A-Z0-9-]* VIOLATION.*"), fixed);
            assertTrue(fixed.matches("(?s).*  FIXED: rule EXP-001 '[^']+' is now pinned: switching it off fails case .*"), fixed);
            for (String line : fixed.lines().filter(l -> l.startsWith("  FIXED: ")).toList()) {
                assertTrue(!line.contains(" fails: ") && !line.contains("is unpinned"), "a FIXED line shows the new state: " + line);
            }
            assertTrue(!fixed.contains("  BROKE: "), fixed);
        } finally {
            watch.interrupt();
            watch.join(BOUND.toMillis());
        }
    }

    /** The output once it has {@code count} lines starting with {@code prefix} and the report after the last. */
    private static String awaitLines(ByteArrayOutputStream bytes, String prefix, int count) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (System.nanoTime() < deadline) {
            String text = bytes.toString(StandardCharsets.UTF_8);
            long n = text.lines().filter(l -> l.startsWith(prefix)).count();
            // the watch prints its report after the "Re-checked" line; "Run in" closes it
            if (n >= count && (!prefix.startsWith("Re-checked") || text.substring(text.lastIndexOf(prefix)).contains("Run in "))) {
                return text;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + count + " lines '" + prefix + "' within " + BOUND + ":\n" + bytes.toString(StandardCharsets.UTF_8));
    }
}
