package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * README.md as the tests keep it: its numbers, found by the words around them, and its outputs, the fenced blocks that
 * follow a marker line {@code <!-- output: NAME -->}. A test sets each from what the code computes; {@link Generated}
 * then keeps the file (rewritten on a developer's machine, a failure under CI when it was out of date). Wording the test
 * cannot find fails the test: README was edited where a number or an output stands, and the test must follow.
 */
public final class Readme {

    public static final Path FILE = Path.of("README.md");
    private static final Pattern FENCE = Pattern.compile("(?m)^```[a-z]*\\n");

    private String text;

    private Readme(String text) {
        this.text = text;
    }

    public static Readme read() {
        try {
            return new Readme(Files.readString(FILE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String text() {
        return text;
    }

    /**
     * Sets the numbers README states in the one place the regular expression {@code words} finds (its groups, in order)
     * to these values; fails when the words are not found exactly once.
     */
    public Readme numbers(String what, String words, Object... values) {
        // a space matches any run of whitespace, as README's prose wraps (but in a quoted literal or a line's indentation)
        String regex = words.contains("\\Q") || words.startsWith("(?m)^") ? words : words.replace(" ", "\\s+");
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            fail("README no longer says " + what + " in the words ReadmeTest looks for (" + regex + "): make them agree");
        }
        int start = m.start();
        if (m.find()) {
            fail("README says " + what + " twice in the words ReadmeTest looks for (" + regex + ")");
        }
        m = Pattern.compile(regex).matcher(text);
        m.find(start);
        if (m.groupCount() != values.length) {
            throw new IllegalArgumentException(what + ": " + m.groupCount() + " groups, " + values.length + " values");
        }
        StringBuilder out = new StringBuilder(text);
        for (int g = values.length; g >= 1; g--) {
            out.replace(m.start(g), m.end(g), String.valueOf(values[g - 1]));
        }
        text = out.toString();
        return this;
    }

    /** The text of the output block marked {@code name}. */
    public String block(String name) {
        int[] span = span(name);
        return text.substring(span[0], span[1]);
    }

    /** Sets the output block marked {@code name} (its lines, without the fences). */
    public Readme block(String name, String content) {
        int[] span = span(name);
        text = text.substring(0, span[0]) + (content.endsWith("\n") ? content : content + "\n") + text.substring(span[1]);
        return this;
    }

    private int[] span(String name) {
        String marker = "<!-- output: " + name + " -->\n";
        int at = text.indexOf(marker);
        if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
            fail("README has " + (at < 0 ? "no" : "more than one") + " marker '" + marker.strip() + "'");
        }
        Matcher open = FENCE.matcher(text);
        if (!open.find(at + marker.length()) || open.start() != at + marker.length()) {
            fail("README: the marker '" + marker.strip() + "' is not followed by a fenced block");
        }
        int end = text.indexOf("\n```\n", open.end() - 1);
        if (end < 0) {
            fail("README: the block after '" + marker.strip() + "' is not closed");
        }
        return new int[] {open.end(), end + 1};
    }

    /** A number in words, as README writes small counts ("six real projects"). */
    public static String word(long n) {
        List<String> words = List.of("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve");
        return n < words.size() ? words.get((int) n) : String.valueOf(n);
    }

    /**
     * JSON as README shows it: two spaces an indent; an object or a list on one line when that line stays within
     * {@code width} characters (0: only when empty), else one entry a line.
     */
    public static String json(JsonNode node, int width) {
        StringBuilder out = new StringBuilder();
        json(node, 0, 0, width, out);
        return out.toString();
    }

    /** {@code "key": value} at the start of a block, the value laid out as {@link #json(JsonNode, int)} does. */
    public static String json(String key, JsonNode node, int width) {
        StringBuilder out = new StringBuilder("\"" + key + "\": ");
        json(node, 0, out.length(), width, out);
        return out.toString();
    }

    private static void json(JsonNode node, int indent, int column, int width, StringBuilder out) {
        String flat = flat(node);
        if (node.isValueNode() || node.isEmpty() || (width > 0 && column + flat.length() <= width)) {
            out.append(flat);
            return;
        }
        String pad = " ".repeat(indent + 2);
        out.append(node.isObject() ? "{\n" : "[\n");
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = quoted(e.getKey()) + ": ";
                out.append(pad).append(key);
                json(e.getValue(), indent + 2, pad.length() + key.length(), width, out);
                out.append(it.hasNext() ? ",\n" : "\n");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                out.append(pad);
                json(node.get(i), indent + 2, pad.length(), width, out);
                out.append(i + 1 < node.size() ? ",\n" : "\n");
            }
        }
        out.append(" ".repeat(indent)).append(node.isObject() ? "}" : "]");
    }

    private static String flat(JsonNode node) {
        if (node.isValueNode()) {
            return node.toString();
        }
        if (node.isEmpty()) {
            return node.isObject() ? "{}" : "[]";
        }
        StringBuilder out = new StringBuilder(node.isObject() ? "{ " : "[ ");
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.append(quoted(e.getKey())).append(": ").append(flat(e.getValue())).append(it.hasNext() ? ", " : "");
            }
        } else {
            for (int i = 0; i < node.size(); i++) {
                out.append(flat(node.get(i))).append(i + 1 < node.size() ? ", " : "");
            }
        }
        return out.append(node.isObject() ? " }" : " ]").toString();
    }

    private static String quoted(String s) {
        return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
    }
}
