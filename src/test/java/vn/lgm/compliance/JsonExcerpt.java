package vn.lgm.compliance;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a JSON excerpt shown to readers (an API example, an abridged output) is true of the real answer: every field it
 * shows is in the answer with the same value, and the entries of a list it shows are entries of the answer's list, in the
 * same order (an excerpt may leave entries out). The text "..." or "…" stands for anything.
 */
public final class JsonExcerpt {

    private JsonExcerpt() {
    }

    /** Where the excerpt says what the real answer does not; empty when it is true. */
    public static List<String> differences(JsonNode excerpt, JsonNode real) {
        List<String> out = new ArrayList<>();
        compare(excerpt, real, "$", out);
        return out;
    }

    private static void compare(JsonNode excerpt, JsonNode real, String at, List<String> out) {
        if (excerpt.isTextual() && (excerpt.asText().equals("...") || excerpt.asText().equals("…"))) {
            return;
        }
        if (excerpt.isObject()) {
            if (!real.isObject()) {
                out.add(at + ": an object in the excerpt, " + real + " in the answer");
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = excerpt.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!real.has(e.getKey())) {
                    out.add(at + "." + e.getKey() + ": not in the answer");
                } else {
                    compare(e.getValue(), real.get(e.getKey()), at + "." + e.getKey(), out);
                }
            }
        } else if (excerpt.isArray()) {
            if (!real.isArray()) {
                out.add(at + ": a list in the excerpt, " + real + " in the answer");
                return;
            }
            int next = 0;
            for (int i = 0; i < excerpt.size(); i++) {
                JsonNode shown = excerpt.get(i);
                int found = -1;
                for (int j = next; j < real.size() && found < 0; j++) {
                    List<String> d = new ArrayList<>();
                    compare(shown, real.get(j), at, d);
                    found = d.isEmpty() ? j : -1;
                }
                if (found < 0) {
                    out.add(at + "[" + i + "]: " + shown + " is not an entry of the answer's list after entry " + next + ": " + real);
                    return;
                }
                next = found + 1;
            }
        } else if (excerpt.isNumber() && real.isNumber()) {
            if (excerpt.decimalValue().compareTo(real.decimalValue()) != 0) {
                out.add(at + ": " + excerpt + " in the excerpt, " + real + " in the answer");
            }
        } else if (!excerpt.equals(real)) {
            out.add(at + ": " + excerpt + " in the excerpt, " + real + " in the answer");
        }
    }
}
