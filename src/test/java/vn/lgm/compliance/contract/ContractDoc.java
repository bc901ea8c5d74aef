package vn.lgm.compliance.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * docs/CONTRACT.md read as the tests need it: the fields of the project description and of the assessment (the keys of
 * its two JSON examples, comments allowed), the enum values its comments name, the facts the project adds (the table of
 * "Facts added by the project") and the fields it says no rule reads. Fields are named as form keys: {@code site.province},
 * {@code exports.product} (no list index), a section by its own name ({@code site}).
 */
public final class ContractDoc {

    public static final Path FILE = Path.of("docs/CONTRACT.md");

    /** One row of the table of added facts. */
    public record AddedFact(List<String> facts, String readBy) {
    }

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\R(.*?)```", Pattern.DOTALL);
    private static final Pattern TICKED = Pattern.compile("`([a-z][A-Za-z]*(?:\\[\\])?(?:\\.[a-z][A-Za-z0-9]*)*)`");
    private static final JsonMapper LENIENT = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS).build();

    private final String text;

    private ContractDoc(String text) {
        this.text = text;
    }

    public static ContractDoc read() {
        try {
            return new ContractDoc(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The contract as this text says it (a test's doctored copy). */
    public static ContractDoc of(String text) {
        return new ContractDoc(text);
    }

    public String text() {
        return text;
    }

    /** The fields of the project description: the keys of the section's JSON example. */
    public Set<String> descriptionFields() {
        return keys(json(section("## Project description")));
    }

    /** The fields of an assessment: the keys of the section's JSON example. */
    public Set<String> assessmentFields() {
        return keys(json(section("## Assessment")));
    }

    /** The description's fields by section ("" for the top level), as the contract-only clean grid keeps them. */
    public Map<String, Set<String>> descriptionFieldsBySection() {
        Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
        for (String key : descriptionFields()) {
            int dot = key.indexOf('.');
            String section = dot < 0 ? "" : key.substring(0, dot);
            out.computeIfAbsent(section, k -> new LinkedHashSet<>()).add(dot < 0 ? key : key.substring(dot + 1));
        }
        return out;
    }

    /** The words in capitals the comments of the two JSON examples name (outside parentheses): enum values. */
    public Set<String> enumValuesNamed() {
        Set<String> out = new LinkedHashSet<>();
        for (String section : List.of("## Project description", "## Assessment")) {
            for (String line : block(section).lines().toList()) {
                int comment = line.indexOf("//");
                String values = comment < 0 ? "" : line.substring(comment + 2);
                String outside = values;
                for (String less = outside.replaceAll("\\([^()]*\\)", ""); !less.equals(outside); less = outside.replaceAll("\\([^()]*\\)", "")) {
                    outside = less;
                }
                Matcher m = Pattern.compile("\\b([A-Z][A-Z0-9]+(?:_[A-Z0-9]+)*)\\b").matcher(outside);
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    /** The rows of the table "Facts added by the project". */
    public List<AddedFact> addedFacts() {
        List<AddedFact> rows = new ArrayList<>();
        for (String line : section("## Facts added by the project").lines().toList()) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.substring(1).split("\\|", -1);
            List<String> facts = new ArrayList<>();
            Matcher m = TICKED.matcher(cells[0]);
            while (m.find()) {
                facts.add(key(m.group(1)));
            }
            rows.add(new AddedFact(facts, cells[1].strip()));
        }
        return rows;
    }

    /** The fields the section says no rule reads (the paragraph saying "read by no rule"). */
    public List<String> readByNoRule() {
        for (String paragraph : section("## Facts added by the project").split("\\R\\s*\\R")) {
            if (paragraph.replaceAll("\\s+", " ").contains("read by no rule")) {
                List<String> out = new ArrayList<>();
                Matcher m = TICKED.matcher(paragraph);
                while (m.find()) {
                    out.add(key(m.group(1)));
                }
                return out;
            }
        }
        return List.of();
    }

    /** A fact as a form key: {@code exports[].lawfulOrigin} → {@code exports.lawfulOrigin}. */
    static String key(String fact) {
        return fact.replace("[]", "");
    }

    /** The text of a section: from its heading to the next heading of the same level. */
    String section(String heading) {
        int start = text.indexOf("\n" + heading);
        if (start < 0) {
            throw new IllegalStateException(FILE + " has no section '" + heading + "'");
        }
        int end = text.indexOf("\n## ", start + heading.length() + 1);
        return text.substring(start + 1, end < 0 ? text.length() : end);
    }

    private String block(String heading) {
        Matcher m = JSON_BLOCK.matcher(section(heading));
        if (!m.find()) {
            throw new IllegalStateException(FILE + ", " + heading + ": no JSON example");
        }
        return m.group(1);
    }

    private JsonNode json(String section) {
        Matcher m = JSON_BLOCK.matcher(section);
        if (!m.find()) {
            throw new IllegalStateException(FILE + ": no JSON example in " + section.lines().findFirst().orElse(""));
        }
        try {
            return LENIENT.readTree(m.group(1));
        } catch (IOException e) {
            throw new IllegalStateException(FILE + ": the JSON example of " + section.lines().findFirst().orElse("")
                    + " does not parse: " + e.getMessage(), e);
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        keys(node, "", out);
        return out;
    }

    private static void keys(JsonNode node, String prefix, Set<String> out) {
        if (node.isArray()) {
            node.forEach(n -> keys(n, prefix, out));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            out.add(key);
            keys(e.getValue(), key, out);
        }
    }
}
