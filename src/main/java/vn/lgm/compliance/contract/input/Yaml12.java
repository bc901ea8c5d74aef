package vn.lgm.compliance.contract.input;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.Optional;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.JsonSchema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * YAML read as YAML 1.2 with its JSON schema (snakeyaml-engine), into the same tree a JSON text gives: a plain scalar
 * is a number only when it is written as JSON writes one ({@code 017}, {@code 0x1F}, {@code 1_000}, {@code .5} stay
 * text, so a field that wants a number refuses them), a boolean only when it is {@code true} or {@code false} ({@code
 * yes}, {@code on}, {@code No} stay text), null only when it is {@code null} or empty. Jackson's own YAML reader rests
 * on SnakeYAML, which reads YAML 1.1, where {@code 017} is the octal 15 and {@code yes} is true (issue 20).
 *
 * <p>One document only; a key given twice is refused (the composer does not check it: the check is here); aliases are
 * bounded (50 to collections) and so is the tree they expand to.
 */
public final class Yaml12 {

    /** A text that is not one YAML 1.2 document of plain data: its problem, with line and column where known. */
    public static final class Invalid extends IOException {
        private final String path;

        Invalid(String message) {
            this("$", message);
        }

        Invalid(String path, String message) {
            super(message);
            this.path = path;
        }

        /** Where: a contract path ({@code site.areaKm2}), or {@code $} for the text as a whole. */
        public String path() {
            return path;
        }
    }

    /** The values one document may expand to through aliases. */
    static final int MAX_VALUES = 200_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private Yaml12() {
    }

    private static LoadSettings settings() {
        return LoadSettings.builder().setSchema(new JsonSchema()).setAllowDuplicateKeys(false).setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(50).setUseMarks(true).setLabel("YAML").build();
    }

    /** The one document of the text as a tree; null for an empty text. */
    public static JsonNode tree(String text) throws Invalid {
        Iterator<Node> documents;
        Node first;
        try {
            documents = new Compose(settings()).composeAllFromString(text).iterator();
            if (!documents.hasNext()) {
                return null;
            }
            first = documents.next();
            if (documents.hasNext()) {
                documents.next();
                throw new Invalid("content after the end of the project; one YAML document describes one project");
            }
        } catch (MarkedYamlEngineException e) {
            throw new Invalid(problem(e));
        } catch (YamlEngineException e) {
            throw new Invalid(oneLine(e.getMessage()));
        }
        int[] count = {0};
        return convert(first, count, 0, "");
    }

    private static JsonNode convert(Node node, int[] count, int depth, String path) throws Invalid {
        if (++count[0] > MAX_VALUES || depth > 200) {
            throw new Invalid("the YAML expands to more than " + MAX_VALUES + " values (through its aliases)" + at(node));
        }
        if (node instanceof MappingNode map) {
            ObjectNode out = NODES.objectNode();
            for (NodeTuple t : map.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode key)) {
                    throw new Invalid("a key must be a plain name, not a list or a map" + at(t.getKeyNode()));
                }
                String at = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
                if (out.has(key.getValue())) {
                    throw new Invalid(at, "the field '" + key.getValue() + "' is given twice" + at(key));
                }
                out.set(key.getValue(), convert(t.getValueNode(), count, depth + 1, at));
            }
            return out;
        }
        if (node instanceof SequenceNode seq) {
            ArrayNode out = NODES.arrayNode();
            for (Node item : seq.getValue()) {
                out.add(convert(item, count, depth + 1, path + "[" + out.size() + "]"));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        String v = scalar.getValue();
        if (Tag.STR.equals(tag)) {
            return NODES.textNode(v);
        }
        if (Tag.NULL.equals(tag)) {
            return NODES.nullNode();
        }
        if (Tag.BOOL.equals(tag)) {
            return NODES.booleanNode(Boolean.parseBoolean(v));
        }
        if (Tag.INT.equals(tag)) {
            BigInteger n = new BigInteger(v);
            return n.bitLength() < 32 ? NODES.numberNode(n.intValue()) : n.bitLength() < 64 ? NODES.numberNode(n.longValue())
                    : NODES.numberNode(n);
        }
        if (Tag.FLOAT.equals(tag)) {
            double d = Double.parseDouble(v);
            return Double.isFinite(d) ? NODES.numberNode(d) : NODES.numberNode(new BigDecimal(v));
        }
        throw new Invalid(path.isEmpty() ? "$" : path, "the tag " + tag + " is not plain data; write the value without it" + at(node));
    }

    private static String at(Node node) {
        return mark(node.getStartMark());
    }

    private static String mark(Optional<Mark> mark) {
        return mark.map(m -> " (line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ")").orElse("");
    }

    private static String problem(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? oneLine(e.getMessage()) : e.getProblem();
        if (problem.startsWith("found duplicate key ")) {
            return "the field '" + problem.substring("found duplicate key ".length()).strip() + "' is given twice"
                    + mark(e.getProblemMark());
        }
        return "not valid YAML: " + (e.getContext() == null ? "" : e.getContext() + ", ") + problem + mark(e.getProblemMark());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
