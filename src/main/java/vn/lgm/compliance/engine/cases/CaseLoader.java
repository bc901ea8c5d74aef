package vn.lgm.compliance.engine.cases;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.InputError;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * Reads every case under cases/. A case is YAML with id, title, narrative, optional sources, the project (the
 * API's body) and expect: {verdict, findings: ["RULE-ID OUTCOME", ...]} — one entry per finding; a finding about one
 * act that rests on several rules names each, most specific first ("EXP-001+EXP-005 VIOLATION"). A case may name a base project file
 * ({@code base: ../_base/x.yaml}) and give only what differs; the project is then merged onto the base as a JSON
 * merge patch (RFC 7386: objects merge, lists and values replace, null removes). Files and folders whose names
 * start with "_" are bases, not cases. {@code expect.derived} may pin the derived classification (mineralGroups,
 * strategic, specialStrategic, licensingAuthority); only the fields given are compared.
 */
public final class CaseLoader {

    private static final Set<String> FIELDS = Set.of("id", "title", "narrative", "sources", "base", "project", "expect");
    private static final Set<String> DERIVED = Set.of("mineralGroups", "strategic", "specialStrategic", "licensingAuthority");
    private static final Pattern FINDING = Pattern.compile("^[A-Z]+-\\d{3}[a-z]?(?:\\+[A-Z]+-\\d{3}[a-z]?)* (VIOLATION|OBLIGATION|INSUFFICIENT_INFORMATION|ADVISORY)$");

    /** The API's reader: a case file is read as the service reads a description, and refused where the service would refuse it. */
    private final ProjectReader reader = ProjectReader.yaml();

    public List<TestCase> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException(dir.toAbsolutePath() + ": cases directory not found");
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".yaml") && Files.isRegularFile(p))
                    .filter(p -> !isBase(dir.relativize(p)))
                    .sorted()
                    .map(this::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isBase(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    public TestCase load(Path file) {
        List<InputError> errors = new ArrayList<>();
        JsonNode root;
        try {
            // read as the API reads a YAML description: YAML 1.2, strictly (contract/input/Yaml12)
            root = vn.lgm.compliance.contract.input.Yaml12.tree(java.nio.file.Files.readString(file));
        } catch (IOException e) {
            errors.add(new InputError("$", "not valid YAML: " + Json.oneLine(e)));
            return new TestCase(file, name(file), null, null, List.of(), null, null, List.of(), null, errors);
        }
        if (root == null || !root.isObject()) {
            errors.add(new InputError("$", "expected a case: id, title, narrative, project, expect"));
            return new TestCase(file, name(file), null, null, List.of(), null, null, List.of(), null, errors);
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                errors.add(new InputError(f, "unknown field '" + f + "'; a case has " + FIELDS));
            }
        });
        String id = text(root, "id", errors, true);
        String title = text(root, "title", errors, true);
        String narrative = text(root, "narrative", errors, true);
        List<String> sources = new ArrayList<>();
        root.path("sources").forEach(s -> sources.add(s.asText()));

        JsonNode project = root.get("project");
        if (project == null || !project.isObject()) {
            errors.add(new InputError("project", "required: the project description, as the API's body"));
            project = Json.yaml().createObjectNode();
        }
        if (root.hasNonNull("base")) {
            Path base = file.getParent().resolve(root.get("base").asText()).normalize();
            try {
                JsonNode baseNode = vn.lgm.compliance.contract.input.Yaml12.tree(java.nio.file.Files.readString(base));
                project = merge(baseNode.deepCopy(), project);
            } catch (IOException e) {
                errors.add(new InputError("base", base + ": " + Json.oneLine(e)));
            }
        }
        ProjectReader.Result read = reader.read(project);
        read.errors().forEach(e -> errors.add(new InputError("project." + e.path(), e.message())));

        JsonNode expect = root.path("expect");
        // A case pins the verdict and the exact findings; a classification case may pin only expect.derived.
        boolean onlyDerived = expect.has("derived") && !expect.has("verdict") && !expect.has("findings");
        Verdict verdict = null;
        if (!onlyDerived) {
            try {
                verdict = Verdict.valueOf(expect.path("verdict").asText());
            } catch (IllegalArgumentException e) {
                errors.add(new InputError("expect.verdict", "required: one of NON_COMPLIANT, INCOMPLETE, CONDITIONAL, COMPLIANT"));
            }
        }
        List<String> findings = onlyDerived ? null : new ArrayList<>();
        JsonNode list = onlyDerived ? Json.yaml().createArrayNode() : expect.path("findings");
        if (!list.isArray() && !list.isMissingNode() && !list.isNull()) {
            errors.add(new InputError("expect.findings", "expected a list of \"RULE-ID OUTCOME\""));
        }
        for (int i = 0; i < list.size(); i++) {
            String f = list.get(i).asText().trim().replaceAll("\\s+", " ");
            if (!FINDING.matcher(f).matches()) {
                errors.add(new InputError("expect.findings[" + i + "]", "expected \"RULE-ID OUTCOME\" or, for a finding resting on several rules,"
                        + " \"RULE-ID+RULE-ID OUTCOME\" (outcome one of "
                        + java.util.Arrays.toString(Outcome.values()) + "), found '" + f + "'"));
            }
            if (findings != null) {
                findings.add(f);
            }
        }
        JsonNode derived = expect.get("derived");
        if (derived != null) {
            derived.fieldNames().forEachRemaining(f -> {
                if (!DERIVED.contains(f)) {
                    errors.add(new InputError("expect.derived." + f, "unknown field; expected one of " + DERIVED));
                }
            });
        }
        expect.fieldNames().forEachRemaining(f -> {
            if (!List.of("verdict", "findings", "derived").contains(f)) {
                errors.add(new InputError("expect." + f, "unknown field; expect has verdict, findings, derived"));
            }
        });
        return new TestCase(file, id == null ? name(file) : id, title, narrative, sources, read.project(), verdict,
                findings, derived, errors);
    }

    /** RFC 7386 JSON merge patch. */
    static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject() || !target.isObject()) {
            return patch;
        }
        ObjectNode result = (ObjectNode) target;
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> f = fields.next();
            if (f.getValue().isNull()) {
                result.remove(f.getKey());
            } else if (result.has(f.getKey())) {
                result.set(f.getKey(), merge(result.get(f.getKey()), f.getValue()));
            } else {
                result.set(f.getKey(), f.getValue());
            }
        }
        return result;
    }

    private static String text(JsonNode root, String field, List<InputError> errors, boolean required) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull() || n.asText().isBlank()) {
            if (required) {
                errors.add(new InputError(field, "required"));
            }
            return null;
        }
        return n.asText().trim();
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.length() - ".yaml".length());
    }

    /** Case ids must be unique across the tree; returns the files that reuse one. */
    public static Map<String, List<Path>> duplicateIds(List<TestCase> cases) {
        Map<String, List<Path>> byId = new HashMap<>();
        cases.forEach(c -> byId.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c.file()));
        byId.values().removeIf(l -> l.size() < 2);
        return byId;
    }
}
