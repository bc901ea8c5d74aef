package vn.lgm.compliance.contract.input;

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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;

import vn.lgm.compliance.contract.model.Project;

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
    private static final String UNKNOWN = "unknown field";

    private final ObjectMapper mapper;
    private final ObjectReader reader;
    private final Limits limits;
    /** YAML is read as YAML 1.2 ({@link Yaml12}) into a tree, then mapped as JSON is. */
    private final boolean yaml;

    private ProjectReader(ObjectMapper mapper, Limits limits, boolean yaml) {
        this.mapper = strict(mapper.copy()).addHandler(new Collector());
        this.reader = this.mapper.readerFor(Project.class);
        this.limits = limits;
        this.yaml = yaml;
    }

    public static ProjectReader json() {
        return json(Limits.DEFAULTS);
    }

    public static ProjectReader yaml() {
        return yaml(Limits.DEFAULTS);
    }

    public static ProjectReader json(Limits limits) {
        return new ProjectReader(Json.json(), limits, false);
    }

    public static ProjectReader yaml(Limits limits) {
        return new ProjectReader(Json.json(), limits, true);
    }

    /**
     * Input is read as written: no number becomes an enum, a boolean, a date or text, no text a number; a key
     * given twice, content after the project, a second YAML document are errors.
     */
    private static ObjectMapper strict(ObjectMapper m) {
        m.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        m.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        m.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        m.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        m.disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
        m.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        for (LogicalType type : new LogicalType[] {LogicalType.Textual, LogicalType.Boolean, LogicalType.DateTime,
                LogicalType.Enum, LogicalType.Integer, LogicalType.Float, LogicalType.Collection, LogicalType.POJO}) {
            m.coercionConfigFor(type)
                    .setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer || type == LogicalType.Float
                            ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean ? CoercionAction.TryConvert : CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        m.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.coercionConfigFor(LogicalType.Float).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        m.registerModule(new com.fasterxml.jackson.databind.module.SimpleModule("strict-dates")
                .addDeserializer(java.time.LocalDate.class, new StrictDate()));
        return m;
    }

    /**
     * A date is a date: {@code YYYY-MM-DD} and nothing more. Jackson's own reader takes {@code 2026-03-01T10:00} and drops
     * the time (issue 20); here it is refused with its path, as any other value of the wrong kind.
     */
    private static final class StrictDate extends JsonDeserializer<java.time.LocalDate> {
        private static final java.util.regex.Pattern DATE = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

        @Override
        public java.time.LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (java.time.LocalDate) ctxt.handleUnexpectedToken(java.time.LocalDate.class, p);
            }
            String text = p.getText();
            if (DATE.matcher(text).matches()) {
                try {
                    return java.time.LocalDate.parse(text);
                } catch (java.time.format.DateTimeParseException e) {
                    // 2026-02-30: not a day of the calendar
                }
            }
            return (java.time.LocalDate) ctxt.handleWeirdStringValue(java.time.LocalDate.class, text, "not a date");
        }
    }

    /**
     * Reads one description. A well-formed, valid record is mapped straight from the text (the batch audit reads
     * every record this way); one with any problem is read again through a tree, because Jackson reports the paths
     * of unknown fields reliably only from a tree (from text it replays them out of a buffer, out of place).
     */
    public Result read(String text) {
        if (yaml) {
            try {
                return read(Yaml12.tree(text));
            } catch (Yaml12.Invalid e) {
                return new Result(null, List.of(new InputError(e.path(), e.getMessage())));
            }
        }
        Result fast = direct(text);
        if (fast != null) {
            return fast;
        }
        try {
            return read(mapper.readTree(text));
        } catch (JsonProcessingException e) {
            return new Result(null, List.of(syntax(e)));
        }
    }

    /** Reads a description sent as bytes: UTF-8, strictly (a byte that is not UTF-8 is refused, never replaced). */
    public Result read(byte[] bytes) {
        try {
            return read(Utf8.decode(bytes == null ? new byte[0] : bytes));
        } catch (Utf8.InvalidText e) {
            return new Result(null, List.of(e.error()));
        }
    }

    /** A problem of the text itself (not well-formed, a key given twice, content after the project) with its place. */
    private InputError syntax(JsonProcessingException e) {
        String format = mapper.getFactory().getFormatName();
        String message = Json.oneLine(e);
        String path = "$";
        if (e instanceof JsonParseException pe && pe.getProcessor() != null && pe.getProcessor().getParsingContext() != null) {
            path = path(pe.getProcessor().getParsingContext());
        }
        if (message.startsWith("Duplicate field")) {
            int q = message.indexOf('\'');
            String name = q >= 0 ? message.substring(q + 1, message.indexOf('\'', q + 1)) : "?";
            return new InputError(path, "the field '" + name + "' is given twice" + location(e));
        }
        if (message.startsWith("Trailing token") || message.contains("trailing token")) {
            return new InputError("$", "content after the end of the project" + location(e)
                    + ("YAML".equals(format) ? "; one YAML document describes one project" : "; send one project"));
        }
        return new InputError(path, "not valid " + format + ": " + message + location(e));
    }

    /** The project when the text maps without any problem; null otherwise. */
    private Result direct(String text) {
        List<InputError> errors = new ArrayList<>();
        try (JsonParser parser = mapper.createParser(text)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Result r = map(parser, errors);
            if (r.ok() && parser.nextToken() != null) {
                return null; // trailing content: the tree path reports it with its place
            }
            return r.ok() ? r : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    public Result read(JsonNode tree) {
        List<InputError> errors = new ArrayList<>();
        if (tree == null || !tree.isObject()) {
            errors.add(new InputError("$", "expected a JSON object describing one project"));
            return new Result(null, errors);
        }
        unknownFields(tree, Project.class, "", errors);
        // A value Jackson cannot read at all stops the mapping; it is noted, taken out of a copy of the tree and the
        // mapping run again, so every problem is listed (at most a bounded number of rounds: linear in practice).
        JsonNode copy = tree.deepCopy();
        for (int round = 0; round < 64; round++) {
            List<InputError> found = new ArrayList<>();
            String[] aborted = new String[1];
            Result r;
            try (JsonParser parser = copy.traverse(mapper)) {
                parser.nextToken();
                r = map(parser, found, aborted);
            } catch (IOException e) {
                found.add(new InputError("$", Json.oneLine(e)));
                r = new Result(null, found);
            }
            for (InputError e : found) {
                // Unknown fields are found by walking the tree against the model (unknownFields), whose paths are exact.
                if (!errors.contains(e) && !e.message().startsWith(UNKNOWN)) {
                    errors.add(e);
                }
            }
            if (aborted[0] == null || !remove(copy, aborted[0])) {
                return errors.isEmpty() ? r : new Result(null, errors);
            }
        }
        return new Result(null, errors);
    }

    /** Every field of the tree that the model does not have, with its exact path. */
    private static void unknownFields(JsonNode node, Class<?> type, String path, List<InputError> errors) {
        if (node == null || !node.isObject() || !type.isRecord()) {
            return;
        }
        java.util.Map<String, java.lang.reflect.RecordComponent> components = new java.util.HashMap<>();
        for (var c : type.getRecordComponents()) {
            components.put(c.getName(), c);
        }
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String at = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
            var c = components.get(f.getKey());
            if (c == null) {
                errors.add(new InputError(at, UNKNOWN + " '" + f.getKey() + "'; the contract has no such field here"));
            } else if (List.class.isAssignableFrom(c.getType())
                    && c.getGenericType() instanceof java.lang.reflect.ParameterizedType pt
                    && pt.getActualTypeArguments()[0] instanceof Class<?> element && f.getValue().isArray()) {
                for (int i = 0; i < f.getValue().size(); i++) {
                    unknownFields(f.getValue().get(i), element, at + "[" + i + "]", errors);
                }
            } else {
                unknownFields(f.getValue(), c.getType(), at, errors);
            }
        }
    }

    /** Removes the value at a contract path (a.b[2].c) from the tree; false when there is nothing to remove. */
    private static boolean remove(JsonNode root, String path) {
        if (path.equals("$")) {
            return false;
        }
        List<Object> steps = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)\\]").matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : (Object) Integer.valueOf(m.group(2)));
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1 && node != null; i++) {
            node = steps.get(i) instanceof Integer n ? node.get(n) : node.get((String) steps.get(i));
        }
        Object last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode o && last instanceof String name && o.has(name)) {
            o.remove(name);
            return true;
        }
        if (node instanceof com.fasterxml.jackson.databind.node.ArrayNode a && last instanceof Integer n && n < a.size()) {
            a.set(n, com.fasterxml.jackson.databind.node.NullNode.getInstance());
            return true;
        }
        return false;
    }

    /** Maps the object the parser stands on; every problem is collected with its path. */
    private Result map(JsonParser parser, List<InputError> errors) throws IOException {
        return map(parser, errors, new String[1]);
    }

    private Result map(JsonParser parser, List<InputError> errors, String[] aborted) throws IOException {
        Project project = null;
        try {
            project = reader.withAttribute(ERRORS, errors).readValue(parser);
        } catch (JsonParseException e) {
            throw e;
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            aborted[0] = path(e.getPath());
            errors.add(new InputError(aborted[0], e.getTargetType() == null ? "cannot be read here"
                    : Collector.expected(e.getTargetType(), found(parser))));
        } catch (IOException e) {
            String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException jme ? path(jme.getPath()) : "$";
            aborted[0] = path;
            errors.add(new InputError(path, "cannot be read here: " + Collector.words(Json.oneLine(e))));
        }
        if (project != null && (project.id() == null || project.id().isBlank())) {
            errors.add(new InputError("id", "required: a project id, unique within a batch"));
        }
        if (project != null) {
            Checks.check(project, "", limits, errors);
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

    /** What the parser stands on, in the contract's words. */
    static String found(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            return "nothing";
        }
        try {
            return switch (t) {
                case START_OBJECT, FIELD_NAME -> "an object";
                case START_ARRAY -> "a list";
                case VALUE_STRING -> "'" + shorten(p.getText()) + "'";
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
                case VALUE_TRUE, VALUE_FALSE -> p.getText();
                case VALUE_NULL -> "null";
                default -> shorten(p.getText());
            };
        } catch (IOException e) {
            return "a value";
        }
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() > 80 ? s.substring(0, 80) + "…" : s;
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
            // The field's path: the innermost object context that names this field (when the value is an object or
            // a list, the parser already stands inside it), else the context the parser stands in.
            JsonStreamContext context = p.getParsingContext();
            String at = null;
            for (JsonStreamContext c = context; c != null; c = c.getParent()) {
                if (c.inObject() && propertyName.equals(c.getCurrentName())) {
                    at = path(c);
                    break;
                }
            }
            if (at == null) {
                JsonStreamContext c = (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY)
                        && context.getParent() != null ? context.getParent() : context;
                at = path(c);
            }
            add(ctxt, at, UNKNOWN + " '" + propertyName + "'");
            p.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String valueToConvert,
                                             String failureMsg) {
            add(ctxt, path(ctxt.getParser().getParsingContext()), expected(targetType, "'" + shorten(valueToConvert) + "'"));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number valueToConvert,
                                             String failureMsg) {
            add(ctxt, path(ctxt.getParser().getParsingContext()), expected(targetType, "the number " + valueToConvert));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext ctxt, JavaType targetType, JsonToken t, JsonParser p,
                                            String failureMsg) throws IOException {
            add(ctxt, path(p.getParsingContext()), expected(targetType.getRawClass(), found(p)));
            p.skipChildren();
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext ctxt, Class<?> instClass,
                                                com.fasterxml.jackson.databind.deser.ValueInstantiator valueInsta,
                                                JsonParser p, String msg) throws IOException {
            add(ctxt, path(p.getParsingContext()), expected(instClass, found(p)));
            p.skipChildren();
            return null;
        }

        /** What was expected, in the contract's words: never a Java type name. */
        static String expected(Class<?> type, String found) {
            if (type.isEnum()) {
                String known = Arrays.toString(type.getEnumConstants());
                return found.startsWith("'") ? "unknown value " + found + "; expected one of " + known
                        : "expected one of " + known + " (as text), found " + found;
            }
            String want = switch (type.getSimpleName()) {
                case "Boolean", "boolean" -> "true or false (leave it out when unknown)";
                case "Double", "double", "Integer", "int", "Long", "long", "BigDecimal" ->
                        type.getSimpleName().startsWith("Int") || type.getSimpleName().startsWith("Long")
                                ? "a whole number" : "a number";
                case "LocalDate" -> "a date as text, YYYY-MM-DD";
                case "String" -> "text";
                case "List", "ArrayList", "Collection" -> "a list";
                default -> type.isRecord() ? "an object" : "a value";
            };
            return "expected " + want + ", found " + found;
        }

        /** Jackson's words with Java type names taken out. */
        static String words(String message) {
            return message.replaceAll("`?(java|vn|com)\\.[\\w.$]+`?", "value").replaceAll("\\(class [^)]*\\)", "");
        }
    }
}
