package vn.lgm.compliance.texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.Json;

/**
 * The page's words in English and Vietnamese, read once from {@code i18n/ui.yaml} (page texts) and
 * {@code i18n/fields.yaml} (sections, field labels and help with their citations, enum value names).
 * A missing text is a visible fallback (the key or the field's own name), never a blank.
 */
public final class Labels {

    public static final List<String> LANGUAGES = List.of("en", "vi");

    /** A field's label, help and the provision behind it, in one language. */
    public record FieldText(String label, String help, String cite) {
    }

    private final Map<String, Map<String, String>> ui = new LinkedHashMap<>();
    private final JsonNode fields;

    private Labels(JsonNode uiYaml, JsonNode fieldsYaml) {
        for (String lang : LANGUAGES) {
            Map<String, String> m = new LinkedHashMap<>();
            uiYaml.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue().get(lang);
                if (v == null || !v.isTextual()) {
                    throw new IllegalStateException("texts/ui.yaml: '" + e.getKey() + "' has no " + lang + " text");
                }
                m.put(e.getKey(), v.asText());
            });
            ui.put(lang, m);
        }
        this.fields = fieldsYaml;
    }

    /** The labels of this build, read once (they are resources of the application, not of the rules). */
    public static Labels shared() {
        return Shared.LABELS;
    }

    private static final class Shared {
        static final Labels LABELS = load();
    }

    public static Labels load() {
        return new Labels(read("texts/ui.yaml"), read("texts/fields.yaml"));
    }

    private static JsonNode read(String resource) {
        try (InputStream in = Labels.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " not found on the class path");
            }
            return Json.yaml().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": " + Json.oneLine(e), e);
        }
    }

    /**
     * The reader's language, "vi" or "en", from {@code ?lang=} or an {@code Accept-Language} header: the language of
     * ours the reader ranks highest (its q-weights honoured: {@code vi;q=0.1, en;q=0.9} is English), English when it
     * names neither or cannot be read.
     */
    public static String lang(String requested) {
        if (requested == null || requested.isBlank()) {
            return "en";
        }
        if (requested.equals("en") || requested.equals("vi")) {
            return requested;   // the common case, asked for every label of a page
        }
        try {
            List<java.util.Locale.LanguageRange> ranges = java.util.Locale.LanguageRange.parse(requested.strip());
            for (java.util.Locale.LanguageRange r : ranges) {   // highest weight first; a weight of 0 means "not this"
                if (r.getWeight() <= 0) {
                    continue;
                }
                String tag = r.getRange().toLowerCase(java.util.Locale.ROOT);
                for (String ours : LANGUAGES) {
                    if (tag.equals(ours) || tag.startsWith(ours + "-")) {
                        return ours;
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            // not a language range: the default below
        }
        return "en";
    }

    public Map<String, String> ui(String lang) {
        return ui.get(lang(lang));
    }

    public String ui(String lang, String key) {
        return ui(lang).getOrDefault(key, key);
    }

    /** The text of a field ("stage", "site.province", "exports.product"), or null when none is written. */
    public FieldText field(String key, String lang) {
        JsonNode f = fields.path("fields").get(key);
        if (f == null) {
            return null;
        }
        JsonNode t = f.path(lang(lang));
        String cite = f.hasNonNull("cite") ? f.get("cite").asText() : null;
        return new FieldText(t.path(0).asText(null), blankToNull(t.path(1).asText(null)), cite);
    }

    /** Keys of every described field, in file order. */
    public List<String> fieldKeys() {
        List<String> keys = new ArrayList<>();
        fields.path("fields").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** Section keys in display order. */
    public List<String> sectionOrder() {
        List<String> keys = new ArrayList<>();
        fields.path("sections").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** [title, intro] of a section, or null. */
    public String[] section(String key, String lang) {
        JsonNode s = fields.path("sections").get(key);
        if (s == null) {
            return null;
        }
        JsonNode t = s.path(lang(lang));
        return new String[] {t.path(0).asText(key), blankToNull(t.path(1).asText(null))};
    }

    /** The "add an entry" label of a list section, or null. */
    public String addLabel(String key, String lang) {
        return pair(key, "add", lang);
    }

    /** The name of one entry of a list section ("Export"), or null. */
    public String itemLabel(String key, String lang) {
        return pair(key, "item", lang);
    }

    private String pair(String key, String which, String lang) {
        JsonNode a = fields.path("sections").path(key).path(which);
        return a.isArray() ? a.path(lang(lang).equals("vi") ? 1 : 0).asText() : null;
    }

    /** The name of an enum value, or the value itself. */
    public String enumLabel(String type, String value, String lang) {
        JsonNode v = fields.path("enums").path(type).path(value);
        return v.isArray() ? v.path(lang(lang).equals("vi") ? 1 : 0).asText(value) : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
