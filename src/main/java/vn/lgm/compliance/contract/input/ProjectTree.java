package vn.lgm.compliance.contract.input;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Project;

/**
 * A project description as a JSON tree, with values read and written by the contract's JSON paths
 * ({@code site.areaKm2}, {@code exports[0].product}). Unknown facts are absent from the tree, as in a description.
 */
public final class ProjectTree {

    /** Records' helper getters (isForeign()) are written too; reading back ignores them. */
    private static final ObjectMapper MAPPER = Json.json().copy().setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern STEP = Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)])?");

    private ProjectTree() {
    }

    public static ObjectNode of(Project project) {
        return (ObjectNode) MAPPER.valueToTree(project);
    }

    public static Project project(JsonNode tree) {
        try {
            return MAPPER.treeToValue(tree, Project.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(Json.oneLine(e), e);
        }
    }

    public static JsonNode node(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** The value at the path, or null (missing or JSON null). */
    public static JsonNode get(JsonNode tree, String path) {
        JsonNode cur = tree;
        for (String seg : path.split("\\.")) {
            Matcher m = STEP.matcher(seg);
            if (cur == null || !m.matches()) {
                return null;
            }
            cur = cur.get(m.group(1));
            if (m.group(2) != null && cur != null) {
                cur = cur.get(Integer.parseInt(m.group(2)));
            }
        }
        return cur == null || cur.isNull() ? null : cur;
    }

    /** A copy of the tree with the value set at the path (null removes it), creating objects and entries on the way. */
    public static ObjectNode with(ObjectNode tree, String path, JsonNode value) {
        ObjectNode copy = tree.deepCopy();
        set(copy, path, value);
        return copy;
    }

    /** Sets in place. */
    public static void set(ObjectNode tree, String path, JsonNode value) {
        String[] segs = path.split("\\.");
        ObjectNode cur = tree;
        for (int i = 0; i < segs.length; i++) {
            Matcher m = STEP.matcher(segs[i]);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a path: " + path);
            }
            String name = m.group(1);
            boolean last = i == segs.length - 1;
            if (m.group(2) == null) {
                if (last) {
                    if (value == null || value.isNull()) {
                        cur.remove(name);
                    } else {
                        cur.set(name, value);
                    }
                    return;
                }
                JsonNode next = cur.get(name);
                if (!(next instanceof ObjectNode)) {
                    next = cur.putObject(name);
                }
                cur = (ObjectNode) next;
            } else {
                int index = Integer.parseInt(m.group(2));
                JsonNode list = cur.get(name);
                if (!(list instanceof ArrayNode)) {
                    list = cur.putArray(name);
                }
                ArrayNode array = (ArrayNode) list;
                while (array.size() <= index) {
                    array.add(JsonNodeFactory.instance.objectNode());
                }
                if (last) {
                    array.set(index, value == null ? JsonNodeFactory.instance.objectNode() : value);
                    return;
                }
                if (!(array.get(index) instanceof ObjectNode)) {
                    array.set(index, JsonNodeFactory.instance.objectNode());
                }
                cur = (ObjectNode) array.get(index);
            }
        }
    }
}
