package vn.lgm.compliance.investor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.Json;

/** JSON for the page: the engine's mapper, leaving unknown (null) facts and empty sections out. */
public final class WebJson {

    private static final ObjectMapper MAPPER = Json.json().copy()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private WebJson() {
    }

    /** A project as a description would give it: known facts only. */
    public static JsonNode compact(Object value) {
        JsonNode tree = MAPPER.valueToTree(value);
        dropEmptyObjects(tree);
        return tree;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JSON that is safe inside a script element of an HTML page. */
    public static String forScript(Object value) {
        return write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    private static void dropEmptyObjects(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> empty = new ArrayList<>();
            Iterator<String> names = o.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                JsonNode child = o.get(n);
                dropEmptyObjects(child);
                if (child.isObject() && child.isEmpty()) {
                    empty.add(n);
                }
            }
            o.remove(empty);
        } else if (node != null && node.isArray()) {
            node.forEach(WebJson::dropEmptyObjects);
        }
    }
}
