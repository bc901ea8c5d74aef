package vn.lgm.compliance.investor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleReads;
import vn.lgm.compliance.texts.EnglishDetector;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;

/**
 * Every question the interview can ask explains itself to someone who is not a lawyer, in English and in Vietnamese:
 * what it means (its help), why it is asked (the provision its answer decides, named in the reader's language), and
 * what to answer when unsure; the Vietnamese carries no English sentence. The screens' texts name fields of the form.
 */
class InterviewTextsTest {

    static RuleBase rules;
    static Labels texts;
    static FormModel form;
    static Interview interview;

    @BeforeAll
    static void load() {
        interview = Screens.interview();
        rules = vn.lgm.compliance.engine.CasesTest.RULES;
        texts = Labels.shared();
        form = FormModel.shared();
    }

    /** Every fact a rule can ask, the first screen's, and the lists asked whole with their entries' fields. */
    static Set<String> askable() {
        Set<String> keys = new LinkedHashSet<>();
        Map<String, FormModel.FormField> fields = form.fieldsByKey("en");
        RuleReads.of(rules).values().forEach(r -> r.asks().stream().filter(fields::containsKey).forEach(keys::add));
        Interview.FIRST.forEach(p -> keys.add(FormModel.keyOf(p)));
        Interview.LIST_ENTRY.forEach((list, entry) -> entry.forEach(f -> keys.add(list + "." + f)));
        return keys;
    }

    @Test
    void everyQuestionSaysWhatItMeansAndWhatToAnswerWhenUnsureInBothLanguages() {
        InterviewTexts screens = InterviewTexts.shared();
        List<String> problems = new ArrayList<>();
        for (String lang : Labels.LANGUAGES) {
            Map<String, FormModel.FormField> fields = form.fieldsByKey(lang);
            for (String key : askable()) {
                FormModel.FormField f = fields.get(key);
                if (f.help() == null || f.help().isBlank()) {
                    problems.add(lang + ": " + key + " has no help (texts/fields.yaml)");
                }
                if (f.cite() == null) {
                    problems.add(lang + ": " + key + " names no provision (texts/fields.yaml)");
                }
                String type = f.tristate() ? "boolean" : f.select() ? "enum" : f.multi() ? "enumList" : f.kind();
                String unsure = screens.unsure(key, lang) != null ? screens.unsure(key, lang) : texts.ui(lang, "interview.unsure." + type);
                if (unsure.startsWith("interview.")) {
                    problems.add(lang + ": " + key + " says nothing of what to answer when unsure");
                }
                if (lang.equals("vi")) {
                    for (String t : new String[] {f.label(), f.help(), unsure}) {
                        if (t != null && EnglishDetector.englishSentence(t) != null) {
                            problems.add("vi: " + key + " reads English: " + t);
                        }
                    }
                }
            }
            for (String first : Interview.FIRST) {
                String why = screens.why(first, lang);
                if (why == null || lang.equals("vi") && EnglishDetector.englishSentence(why) != null) {
                    problems.add(lang + ": the first screen's " + first + " does not say why it is asked: " + why);
                }
            }
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    /** Why a question is asked names the provision its answer decides, in the reader's language. */
    @Test
    void whyAQuestionIsAskedNamesTheProvisionInTheReadersLanguage() {
        var quarry = ProjectReader.json().read("{\"id\": \"Q\", \"assessmentDate\": \"2026-03-01\", \"activities\": [\"EXPLOITATION\"],"
                + " \"minerals\": [{\"name\": \"CONSTRUCTION_STONE\"}], \"stage\": \"OPERATING\", \"licence\": {\"type\": \"EXPLOITATION\"}}").project();
        for (String lang : Labels.LANGUAGES) {
            Interview.Step step = interview.next(quarry, List.of(), lang);
            for (Interview.Question q : step.questions()) {
                assertTrue(q.why() != null && q.why().contains(lang.equals("vi") ? "Điều" : "Art."), lang + ": " + q.field() + ": " + q.why());
                if (lang.equals("vi")) {
                    assertNull(EnglishDetector.englishSentence(q.why()), q.field() + ": " + q.why());
                    q.allowed().forEach(c -> assertNull(EnglishDetector.englishSentence(c.label()), c.label()));
                }
            }
            for (Interview.Shortcut s : step.page().shortcuts()) {
                assertTrue(lang.equals("en") || EnglishDetector.englishSentence(s.label()) == null, s.label());
            }
            String[] topic = InterviewTexts.shared().topic(step.page().topic(), lang);
            assertTrue(lang.equals("en") || EnglishDetector.englishSentence(topic[0] + ". " + topic[1]) == null, topic[1]);
        }
    }

    /** The screens' topics, steps, shortcuts and texts name fields of the form (or the lists asked whole). */
    @Test
    void theScreensTextsNameFieldsOfTheForm() {
        Set<String> fields = form.fieldsByKey("en").keySet();
        List<String> unknown = new ArrayList<>();
        Set<String> named = new LinkedHashSet<>(InterviewTexts.shared().namedKeys());
        InterviewTexts.shared().topicKeys().stream().filter(k -> !k.endsWith(".*")).forEach(named::add);
        for (String key : named) {
            if (!fields.contains(key) && !Interview.LIST_ENTRY.containsKey(key)) {
                unknown.add(key);
            }
        }
        assertEquals(List.of(), unknown, "texts/interview.yaml names keys the form does not have");
        for (String topic : InterviewTexts.shared().topics()) {
            for (String lang : Labels.LANGUAGES) {
                assertTrue(!InterviewTexts.shared().topic(topic, lang)[0].isBlank(), topic + " has a title in " + lang);
            }
        }
    }
}
