package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Files (or parts of files) the project keeps but the code writes: README's numbers and outputs, the committed copy of
 * the OpenAPI document. A test computes what the file must say and hands it here. When it already says so, nothing
 * happens. When it does not: under CI ({@code CI=true}, as .ci/run sets it, or {@code -Dgenerated.check=true}) the test
 * fails, naming the file and the first line that differs — the committed file is out of date with the code; elsewhere
 * the file is rewritten and the test passes, saying so, so that a developer's build brings it up to date to be reviewed
 * and committed.
 */
public final class Generated {

    private Generated() {
    }

    /** True where an out-of-date file fails the build instead of being rewritten. */
    public static boolean strict() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean("generated.check");
    }

    /** Keeps {@code file} equal to {@code content}: nothing if it is, a failure under CI, else the file rewritten. */
    public static void keep(Path file, String content, String what) throws IOException {
        String now = Files.exists(file) ? Files.readString(file) : "";
        if (now.equals(content)) {
            return;
        }
        String where = firstDifference(now, content);
        if (strict()) {
            fail(file + " is out of date with the code (" + what + "); run the tests without CI=true to rewrite it, then"
                    + " review and commit it. " + where);
        }
        Files.writeString(file, content);
        System.out.println("Rewrote " + file + " (" + what + "): it was out of date with the code; review and commit it. " + where);
    }

    static String firstDifference(String was, String is) {
        List<String> a = was.lines().toList();
        List<String> b = is.lines().toList();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "(end of file)";
            String y = i < b.size() ? b.get(i) : "(end of file)";
            if (!x.equals(y)) {
                return "First difference, line " + (i + 1) + ":\n  was: " + x + "\n  is:  " + y;
            }
        }
        return "The files differ in their line endings.";
    }
}
