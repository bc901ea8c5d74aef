package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * README and docs/ name only paths that exist in the project: every path written in backticks ({@code docs/AUDIT.md},
 * {@code regulator/audit/AuditRunner}, {@code rules/export/export.drl}) is found from the top of the project, under
 * the Java source of main or test (a class named without {@code .java}), under {@code rules/}, under the main
 * resources, or as a room of the plan named by its last folders ({@code history/} for {@code regulator/history/});
 * a glob ({@code cases/**}{@code /*.yaml}) names at least one file.
 * Media types and the folders a build or a run creates ({@code target/}, {@code audit-history/}) are not paths of the
 * project.
 */
class DocPathsTest {

    private static final Pattern QUOTED = Pattern.compile("`([^`\\s]+)`");
    private static final Pattern PATH = Pattern.compile("[\\w.-]+(/[\\w.*-]*)+(:\\d+)?");
    private static final Set<String> NOT_PATHS = Set.of("text", "application", "image", "target", "audit-history");
    private static final List<Path> BASES = List.of(Path.of(""), Path.of("src/main/java/vn/lgm/compliance"),
            Path.of("src/test/java/vn/lgm/compliance"), Path.of("rules"), Path.of("src/main/resources"));

    @Test
    void readmeAndDocsNameOnlyPathsThatExist() throws IOException {
        List<Path> docs = new ArrayList<>(List.of(Path.of("README.md"), Path.of("rules/README.md")));
        // the project's own documents; docs/law/ and docs/research/ are copies of sources, citing where they come from
        try (Stream<Path> s = Files.list(Path.of("docs"))) {
            s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
        }
        List<String> missing = new ArrayList<>();
        for (Path doc : docs) {
            Matcher m = QUOTED.matcher(Files.readString(doc));
            while (m.find()) {
                String t = m.group(1);
                if (!PATH.matcher(t).matches() || t.startsWith(".") || NOT_PATHS.contains(t.substring(0, t.indexOf('/')))) {
                    continue;
                }
                String path = t.replaceAll(":\\d+$", "").replaceAll("/$", "");
                if (!exists(path)) {
                    missing.add(doc + ": " + t);
                }
            }
        }
        assertEquals(List.of(), missing, "paths named in README or docs/ that the project does not have");
    }

    /**
     * A fresh clone is enough: no file of the project names the folder that once lay beside it, which held the contract,
     * the law catalogue and the registers the project now carries (docs/CONTRACT.md, docs/law/, data/lao-cai/).
     */
    @Test
    void nothingNamesAFolderBesideTheProject() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String top : List.of("README.md", "pom.xml", ".ci", "bench", "cases", "data", "docs", "examples", "mappings", "rules", "src")) {
            try (Stream<Path> s = Files.walk(Path.of(top))) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        }
        assertEquals(List.of(), outside(files), "files that name the folder beside the project");
        Path planted = Files.createTempFile("doc-paths", ".md");
        try {
            Files.writeString(planted, "the register: " + SHARED + "data/lao-cai/x.csv\n");
            assertEquals(List.of(planted + ":1"), outside(List.of(planted)), "a planted reference is found");
        } finally {
            Files.delete(planted);
        }
    }

    /** The folder beside the project, as its files named it (written in two parts, so this file does not name it). */
    private static final String SHARED = "shar" + "ed/";
    private static final Pattern BESIDE = Pattern.compile("(?:\\.\\./|\\b)" + SHARED + "(?:law|data|contract)");

    private static List<String> outside(List<Path> files) throws IOException {
        List<String> found = new ArrayList<>();
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            String text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
            List<String> lines = text.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (BESIDE.matcher(lines.get(i)).find()) {
                    found.add(f + ":" + (i + 1));
                }
            }
        }
        return found;
    }

    private static boolean exists(String path) throws IOException {
        for (Path base : BASES) {
            if (matches(base, path) || matches(base, path + ".java")) {
                return true;
            }
        }
        // a room named by its last folders: history/ for regulator/history/, req/ for engine/req/
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/vn/lgm/compliance"))) {
            return s.anyMatch(p -> Files.isDirectory(p) && p.toString().replace('\\', '/').endsWith("/" + path));
        }
    }

    private static boolean matches(Path base, String path) throws IOException {
        if (!path.contains("*")) {
            return Files.exists(base.resolve(path));
        }
        String fixed = path.substring(0, path.indexOf('*'));
        Path dir = base.resolve(fixed.contains("/") ? fixed.substring(0, fixed.lastIndexOf('/')) : "");
        if (!Files.isDirectory(dir)) {
            return false;
        }
        var glob = dir.getFileSystem().getPathMatcher("glob:" + path);
        try (Stream<Path> s = Files.walk(dir)) {
            return s.anyMatch(p -> glob.matches(base.relativize(p)));
        }
    }
}
