package vn.lgm.compliance.input;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import vn.lgm.compliance.model.Project;

/**
 * Reads project descriptions (JSON or YAML) and reports every problem at once, each with its JSON path:
 * unknown fields, values outside an enum, wrong types, a missing id. Nothing is silently dropped or defaulted.
 */
public final class ProjectReader {

    /** A project, or the problems that stopped it from being one. */
    public record Result(Project project, List<InputError> errors) {
        public boolean ok() {
            return errors.isEmpty();
        }
    }

    private static final String ERRORS = "problems";

    private final ObjectMapper mapper;
    private final ObjectReader reader;

    private ProjectReader(ObjectMapper mapper) {
        this.mapper = mapper.copy().addHandler(new Collector());
        this.reader = this.mapper.readerFor(Project.class);
    }

    public static ProjectReader json() {
        return new ProjectReader(Json.json());
    }

    public static ProjectReader yaml() {
        return new ProjectReader(Json.yaml());
    }

    /**
     * Reads one description. A well-formed, valid record is mapped straight from the text (the batch audit reads
     * every record this way); one with any problem is read again through a tree, because Jackson reports the paths
     * of unknown fields reliably only from a tree (from text it replays them out of a buffer, out of place).
     */
    public Result read(String text) {
        Result fast = direct(text);
        if (fast != null) {
            return fast;
        }
        try {
            return read(mapper.readTree(text));
        } catch (JsonProcessingException e) {
            return new Result(null, List.of(new InputError("$", "not valid " + (mapper.getFactory().getFormatName()) + ": "
                    + Json.oneLine(e) + location(e))));
        }
    }

    /** The project when the text maps without any problem; null otherwise. */
    private Result direct(String text) {
        List<InputError> errors = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Result r = map(parser, errors);
            return r.ok() ? r : null;
        } catch (IOException e) {
            return null;
        }
    }

    public Result read(JsonNode tree) {
        List<InputError> errors = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            errors.add(new InputError("$", "expected a JSON object describing one project"));
            return new Result(null, errors);
        }
        try (JsonParser parser = tree.traverse(mapper)) {
            parser.nextToken();
            return map(parser, errors);
        } catch (IOException e) {
            errors.add(new InputError("$", Json.oneLine(e)));
            return new Result(null, errors);
        }
    }

    /** Maps the object the parser stands on; every problem is collected with its path. */
    private Result map(JsonParser parser, List<InputError> errors) throws IOException {
        Project project = null;
        try {
            project = reader.withAttribute(ERRORS, errors).readValue(parser);
        } catch (JsonParseException e) {
            throw e;
        } catch (IOException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException jme ? path(jme.getPath()) : "$";
            errors.add(new InputError(path, Json.oneLine(e)));
        }
        if (project != null && (project.id() == null || project.id().isBlank())) {
            errors.add(new InputError("id", "required: a project id, unique within a batch"));
        }
        return errors.isEmpty() ? new Result(project, errors) : new Result(null, errors);
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    /** Jackson's reference chain as a contract path: minerals[0].name. */
    private static String path(List<com.fasterxml.jackson.databind.JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (var ref : refs) {
            if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            }
        }
        return sb.isEmpty() ? "$" : sb.toString();
    }

    /** The parser's position as a contract path. */
    static String path(JsonStreamContext context) {
        List<String> parts = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.add(0, "[" + Math.max(c.getCurrentIndex(), 0) + "]");
            } else if (c.getCurrentName() != null) {
                parts.add(0, "." + c.getCurrentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined.isEmpty() ? "$" : joined;
    }

    @SuppressWarnings("unchecked")
    private static void add(DeserializationContext ctxt, String path, String message) {
        ((List<InputError>) ctxt.getAttribute(ERRORS)).add(new InputError(path, message));
    }

    /** Records each problem with its path and lets reading go on, so one response lists them all. */
    private static final class Collector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            // When the unknown field's value is an object or a list, the parser already stands in it: the field's
            // path is that of the enclosing context.
            JsonStreamContext context = p.getParsingContext();
            if ((p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY)
                    && context.getParent() != null) {
                context = context.getParent();
            }
            add(ctxt, path(context), "unknown field '" + propertyName + "'");
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            add(ctxt, path(ctxt.getParser().getParsingContext()), expected(targetType, "'" + valueToConvert + "'"));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            add(ctxt, path(ctxt.getParser().getParsingContext()), expected(targetType, String.valueOf(valueToConvert)));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            String found = switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "'" + p.getText() + "'";
                default -> p.getText();
            };
            add(ctxt, path(p.getParsingContext()), expected(targetType.getRawClass(), found));
            p.skipChildren();
            return null;
        }

        private static String expected(Class<?> type, String found) {
            if (type.isEnum()) {
                return "unknown value " + found + "; expected one of " + Arrays.toString(type.getEnumConstants());
            }
            String want = switch (type.getSimpleName()) {
                case "Boolean", "boolean" -> "true or false (leave it out when unknown)";
                case "Double", "double", "Integer", "int", "BigDecimal" -> "a number";
                case "LocalDate" -> "a date as YYYY-MM-DD";
                case "String" -> "text";
                case "List" -> "a list";
                default -> "a " + type.getSimpleName();
            };
            return "expected " + want + ", found " + found;
        }
    }
}
