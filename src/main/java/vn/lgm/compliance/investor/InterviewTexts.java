package vn.lgm.compliance.investor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;

/**
 * The interview's screens, read once from {@code texts/interview.yaml}: the topics questions are grouped by (each
 * with the form keys it holds and its title in English and Vietnamese), the facts that are steps a proponent takes,
 * the shortcuts a screen offers, and per question why it is asked (first screen) and what to answer when unsure.
 */
public final class InterviewTexts {

    /** One answer for several questions: the facts it sets (or, for steps, the value every step takes). */
    public record ShortcutText(String id, Map<String, Object> answers, Boolean steps, String en, String vi) {
        public String label(String lang) {
            return Labels.lang(lang).equals("vi") ? vi : en;
        }
    }

    private final Map<String, List<String>> topicKeys = new LinkedHashMap<>();
    private final Map<String, String[]> topicTitles = new LinkedHashMap<>();
    private final Set<String> steps = new LinkedHashSet<>();
    private final List<ShortcutText> shortcuts = new ArrayList<>();
    private final JsonNode why;
    private final JsonNode unsure;

    private InterviewTexts(JsonNode root) {
        root.path("topics").fields().forEachRemaining(e -> {
            List<String> keys = new ArrayList<>();
            e.getValue().path("keys").forEach(k -> keys.add(k.asText()));
            topicKeys.put(e.getKey(), keys);
            topicTitles.put(e.getKey(), new String[] {
                    e.getValue().path("en").path(0).asText(), e.getValue().path("en").path(1).asText(),
                    e.getValue().path("vi").path(0).asText(), e.getValue().path("vi").path(1).asText()});
        });
        root.path("steps").forEach(s -> steps.add(s.asText()));
        root.path("shortcuts").fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            Map<String, Object> answers = new LinkedHashMap<>();
            s.path("answers").fields().forEachRemaining(a -> answers.put(a.getKey(), value(a.getValue())));
            shortcuts.add(new ShortcutText(e.getKey(), answers, s.has("steps") ? s.get("steps").asBoolean() : null,
                    s.path("en").asText(), s.path("vi").asText()));
        });
        this.why = root.path("why");
        this.unsure = root.path("unsure");
    }

    private static Object value(JsonNode v) {
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isArray()) {
            return List.of();
        }
        return v.asText();
    }

    /** The texts of this build, read once. */
    public static InterviewTexts shared() {
        return Shared.TEXTS;
    }

    private static final class Shared {
        static final InterviewTexts TEXTS = load();
    }

    public static InterviewTexts load() {
        try (InputStream in = InterviewTexts.class.getClassLoader().getResourceAsStream("texts/interview.yaml")) {
            if (in == null) {
                throw new IllegalStateException("texts/interview.yaml not found on the class path");
            }
            return new InterviewTexts(Json.yaml().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("texts/interview.yaml: " + Json.oneLine(e), e);
        }
    }

    /** The topic of a form key (or a JSON path): the topic naming it exactly, else the one whose "section.*" holds it. */
    public String topicOf(String pathOrKey) {
        String key = FormModel.keyOf(pathOrKey);
        for (Map.Entry<String, List<String>> t : topicKeys.entrySet()) {
            if (t.getValue().contains(key)) {
                return t.getKey();
            }
        }
        String section = key.contains(".") ? key.substring(0, key.indexOf('.')) : key;
        for (Map.Entry<String, List<String>> t : topicKeys.entrySet()) {
            if (t.getValue().contains(section + ".*")) {
                return t.getKey();
            }
        }
        return "project";
    }

    /** Topics in the order an investor thinks. */
    public List<String> topics() {
        return List.copyOf(topicKeys.keySet());
    }

    /** [title, intro] of a topic in a language. */
    public String[] topic(String topic, String lang) {
        String[] t = topicTitles.getOrDefault(topic, new String[] {topic, "", topic, ""});
        return Labels.lang(lang).equals("vi") ? new String[] {t[2], t[3]} : new String[] {t[0], t[1]};
    }

    /** True for a fact that is a step a proponent takes (an approval, a permit, a payment, a filing). */
    public boolean isStep(String pathOrKey) {
        return steps.contains(FormModel.keyOf(pathOrKey));
    }

    public List<ShortcutText> shortcuts() {
        return shortcuts;
    }

    /** Why a question of the first screen is asked, or null. */
    public String why(String pathOrKey, String lang) {
        return text(why, FormModel.keyOf(pathOrKey), lang);
    }

    /** What to answer when unsure of this question, or null (then its kind's default is used). */
    public String unsure(String pathOrKey, String lang) {
        return text(unsure, FormModel.keyOf(pathOrKey), lang);
    }

    private static String text(JsonNode node, String key, String lang) {
        JsonNode t = node.path(key).path(Labels.lang(lang));
        return t.isTextual() && !t.asText().isBlank() ? t.asText() : null;
    }

    /** Every form key a topic names (for the check that each names a field of the form). */
    public Set<String> topicKeys() {
        Set<String> all = new LinkedHashSet<>();
        topicKeys.values().forEach(all::addAll);
        return all;
    }

    /** Every form key the steps, shortcuts, "why" and "unsure" texts name (checked against the form by a test). */
    public Set<String> namedKeys() {
        Set<String> all = new LinkedHashSet<>(steps);
        shortcuts.forEach(s -> all.addAll(s.answers().keySet()));
        why.fieldNames().forEachRemaining(all::add);
        unsure.fieldNames().forEachRemaining(all::add);
        return all;
    }
}
