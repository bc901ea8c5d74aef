package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** An out-of-date generated file fails under CI and is rewritten elsewhere; an up-to-date one is left alone. */
class GeneratedTest {

    @TempDir
    Path dir;

    @Test
    void anOutOfDateFileFailsUnderCi() throws Exception {
        Path file = dir.resolve("README.md");
        Files.writeString(file, "one\ntwo\n");
        System.setProperty("generated.check", "true");
        try {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> Generated.keep(file, "one\nthree\n", "a test"));
            assertTrue(e.getMessage().contains("line 2:\n  was: two\n  is:  three"), e.getMessage());
            assertEquals("one\ntwo\n", Files.readString(file), "left as it was");
            Generated.keep(file, "one\ntwo\n", "a test");   // up to date: passes
        } finally {
            System.clearProperty("generated.check");
        }
    }

    @Test
    void anOutOfDateFileIsRewrittenElsewhere() throws Exception {
        Assumptions.assumeFalse(Generated.strict(), "under CI an out-of-date file fails instead");
        Path file = dir.resolve("README.md");
        Files.writeString(file, "one\ntwo\n");
        Generated.keep(file, "one\nthree\n", "a test");
        assertEquals("one\nthree\n", Files.readString(file));
    }
}
