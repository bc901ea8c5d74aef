package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rules state the law; the engine keeps the books. A consequence ({@code then}) is one call naming requirements or
 * conditions, or for a definition one {@code insertLogical}: no arithmetic, loop, branch, local variable or
 * hand-rolled check, and no Java function in a rule file. Read from the DRL text, as a lawyer reads it.
 */
class RuleFilesLintTest {

    /** Code that computes or branches, outside string literals. */
    private static final Pattern FORBIDDEN = Pattern.compile(
            "\\bif\\s*\\(|\\bfor\\s*\\(|\\bwhile\\s*\\(|\\bswitch\\s*\\(|\\?|(?<![=!<>])=(?!=)|[^\\s(,]\\s*[*/%]\\s*[^\\s]"
            + "|\\s[+\\-]\\s|\\bCheck\\.|\\bAlternatives\\.|beforeInForce|params\\.number|\\bnew\\s+java\\.util");
    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

    @Test
    void consequencesAreOneCallWithoutArithmeticLoopsOrBranches() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".drl")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                boolean consequence = false;
                int calls = 0;
                int start = 0;
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).strip();
                    if (line.startsWith("function ")) {
                        problems.add(file + ":" + (i + 1) + ": a Java function in a rule file");
                    }
                    if (line.equals("then")) {
                        consequence = true;
                        calls = 0;
                        start = i + 1;
                        continue;
                    }
                    if (line.equals("end") && consequence) {
                        consequence = false;
                        if (calls != 1) {
                            problems.add(file + ":" + start + ": the consequence makes " + calls + " calls; it makes one");
                        }
                        continue;
                    }
                    if (!consequence || line.isEmpty() || line.startsWith("//")) {
                        continue;
                    }
                    String code = STRING.matcher(line).replaceAll("\"\"");
                    if (code.startsWith("findings.") || code.startsWith("insertLogical(")) {
                        calls++;
                    }
                    if (FORBIDDEN.matcher(code).find()) {
                        problems.add(file + ":" + (i + 1) + ": " + line);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "consequences that compute, branch or make more than one call:\n  "
                + String.join("\n  ", problems));
    }
}
