package vn.lgm.compliance.texts;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.qute.TemplateData;
import vn.lgm.compliance.contract.model.Project;

/**
 * The investor form, built from the contract's records ({@link Project} and the records it holds), so every fact
 * the engine reads has an input, including facts added to the model later. Labels come from {@link Labels}; a field
 * without written text falls back to its humanised name and its OpenAPI description.
 *
 * <p>Top-level facts (id, stage, activities...) form the "project" section; each record component is a section;
 * each list of records is a list section whose entries the page adds and removes.
 */
public final class FormModel {

    public static final String ROOT = "project";
    /** Placeholder for the entry index in a list section's template. */
    public static final String INDEX = "__i__";

    @TemplateData
    public record Choice(String value, String label) {
    }

    /**
     * One input. kind: text, number, integer, date, select, tristate (yes / no / don't know), multi (a set of
     * enum values). path: the JSON path ("site.province", "exports[__i__].product"); id: the input's id.
     */
    @TemplateData
    public record FormField(String key, String name, String path, String id, String kind, String label, String help,
                            String cite, List<Choice> choices, boolean described) {
        public boolean tristate() {
            return "tristate".equals(kind);
        }

        public boolean select() {
            return "select".equals(kind);
        }

        public boolean multi() {
            return "multi".equals(kind);
        }

        public String inputType() {
            return switch (kind) {
                case "number", "integer" -> "number";
                case "date" -> "date";
                default -> "text";
            };
        }

        public String step() {
            return "integer".equals(kind) ? "1" : "any";
        }
    }

    /** kind: root (facts at the top of the description), record (one object) or list (several entries). */
    @TemplateData
    public record FormSection(String key, String kind, String title, String intro, String addLabel,
                              String itemLabel, List<FormField> fields) {
        public boolean list() {
            return "list".equals(kind);
        }
    }

    private final Labels texts;
    private final Map<String, List<FormSection>> byLang = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, FormField>> fieldsByLang = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.regex.Pattern INDEX_STEP = java.util.regex.Pattern.compile("\\[\\d+]");

    /** The form of this build, over {@link Labels#shared()}: built once. */
    public static FormModel shared() {
        return Shared.FORM;
    }

    private static final class Shared {
        static final FormModel FORM = new FormModel(Labels.shared());
    }

    public FormModel(Labels texts) {
        this(texts, (cite, lang) -> cite);
    }

    private FormModel(Labels texts, java.util.function.BinaryOperator<String> cites) {
        this.texts = texts;
        this.cites = cites;
    }

    /** How each field's provisions are written for a reader of a language (as written in fields.yaml, by default). */
    private final java.util.function.BinaryOperator<String> cites;

    /**
     * The same form, each field citing its provisions as {@code cites} writes them for the language (the reader's
     * texts of a rule set write them out: {@code FindingLocalizer#form}).
     */
    public FormModel withCites(java.util.function.BinaryOperator<String> cites) {
        return new FormModel(texts, cites);
    }

    /** The form's sections in a language, built once (read by every request that shows a label). */
    public List<FormSection> sections(String lang) {
        return byLang.computeIfAbsent(Labels.lang(lang), this::build);
    }

    /** Every field of the form by key ("exports.product"), for labels in the report; built once per language. */
    public Map<String, FormField> fieldsByKey(String lang) {
        return fieldsByLang.computeIfAbsent(Labels.lang(lang), l -> {
            Map<String, FormField> all = new LinkedHashMap<>();
            sections(l).forEach(s -> s.fields().forEach(f -> all.put(f.key(), f)));
            return java.util.Collections.unmodifiableMap(all);
        });
    }

    /** The form key of a JSON path: "exports[0].product" → "exports.product". */
    public static String keyOf(String path) {
        return path.indexOf('[') < 0 ? path : INDEX_STEP.matcher(path).replaceAll("");
    }

    /** The input id of a JSON path: "exports[0].product" → "f-exports-0-product". */
    public static String idOf(String path) {
        return "f-" + path.replaceAll("\\[([^\\]]+)]", "-$1").replace('.', '-');
    }

    private List<FormSection> build(String lang) {
        Map<String, FormSection> sections = new LinkedHashMap<>();
        List<FormField> root = new ArrayList<>();
        for (RecordComponent c : Project.class.getRecordComponents()) {
            Class<?> type = c.getType();
            if (type.isRecord()) {
                sections.put(c.getName(), section(c.getName(), "record", fields(type, c.getName(), c.getName() + ".", lang), lang));
            } else if (List.class.isAssignableFrom(type) && elementType(c).isRecord()) {
                String prefix = c.getName() + "[" + INDEX + "].";
                sections.put(c.getName(), section(c.getName(), "list", fields(elementType(c), c.getName(), prefix, lang), lang));
            } else {
                root.add(field(c, "", c.getName(), lang));
            }
        }
        sections.put(ROOT, section(ROOT, "root", root, lang));
        List<FormSection> ordered = new ArrayList<>();
        for (String key : texts.sectionOrder()) {
            Optional.ofNullable(sections.remove(key)).ifPresent(ordered::add);
        }
        ordered.addAll(sections.values()); // sections added to the model but not yet described
        return List.copyOf(ordered);
    }

    private FormSection section(String key, String kind, List<FormField> fields, String lang) {
        String[] t = texts.section(key, lang);
        return new FormSection(key, kind, t == null ? humanise(key) : t[0], t == null ? null : t[1],
                texts.addLabel(key, lang), texts.itemLabel(key, lang), List.copyOf(fields));
    }

    private List<FormField> fields(Class<?> record, String keyPrefix, String pathPrefix, String lang) {
        List<FormField> out = new ArrayList<>();
        for (RecordComponent c : record.getRecordComponents()) {
            out.add(field(c, keyPrefix + ".", pathPrefix + c.getName(), lang));
        }
        return out;
    }

    private FormField field(RecordComponent c, String keyPrefix, String path, String lang) {
        String key = keyPrefix + c.getName();
        Class<?> type = c.getType();
        String kind;
        List<Choice> choices = List.of();
        if (type == Boolean.class || type == boolean.class) {
            kind = "tristate";
        } else if (type.isEnum()) {
            kind = "select";
            choices = choices(type, lang);
        } else if (List.class.isAssignableFrom(type) && elementType(c).isEnum()) {
            kind = "multi";
            choices = choices(elementType(c), lang);
        } else if (type == Double.class || type == Float.class || type == double.class) {
            kind = "number";
        } else if (type == Integer.class || type == Long.class || type == int.class) {
            kind = "integer";
        } else if (type == LocalDate.class) {
            kind = "date";
        } else {
            kind = "text";
        }
        Labels.FieldText t = texts.field(key, lang);
        String label = t != null && t.label() != null ? t.label() : humanise(c.getName());
        String help = t != null ? t.help() : null;
        if (t == null) {
            help = schemaDescription(c);
        }
        return new FormField(key, c.getName(), path, idOf(path), kind, label, help,
                t == null || t.cite() == null ? null : cites.apply(t.cite(), lang),
                choices, t != null);
    }

    private List<Choice> choices(Class<?> enumType, String lang) {
        List<Choice> out = new ArrayList<>();
        for (Object v : enumType.getEnumConstants()) {
            String name = ((Enum<?>) v).name();
            out.add(new Choice(name, texts.enumLabel(enumType.getSimpleName(), name, lang)));
        }
        return out;
    }

    private static Class<?> elementType(RecordComponent c) {
        Type t = c.getGenericType();
        if (t instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> e) {
            return e;
        }
        return Object.class;
    }

    private static String schemaDescription(RecordComponent c) {
        Schema s = c.getAccessor().getAnnotation(Schema.class);
        if (s == null) {
            try {
                Field f = c.getDeclaringRecord().getDeclaredField(c.getName());
                s = f.getAnnotation(Schema.class);
            } catch (NoSuchFieldException e) {
                s = null;
            }
        }
        return s == null || s.description().isBlank() ? null : s.description();
    }

    /** "foreignOwnershipPercent" → "Foreign ownership percent". */
    public static String humanise(String name) {
        String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase();
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
