package vn.lgm.compliance.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.CasesTest;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.regulator.report.ReportWords;

/**
 * Vietnamese is complete where a reader can choose it: every Vietnamese text a reader can get — the rules' titles
 * ({@code @titleVi}), rules/i18n/vi.yaml, texts/ui.yaml, texts/fields.yaml (sections, labels, help, the provisions each
 * question cites, value names), the department report's words, and every finding of every case written in Vietnamese
 * (title, citation, explanation, remediation, the derived classification's reasons) — has no English word outside
 * the short allow-list of names and codes ({@link EnglishDetector#ALLOWED}).
 */
class VietnameseTextTest {

    @Test
    void noVietnameseTextAReaderGetsHasAnEnglishWord() throws Exception {
        Map<String, List<String>> english = new TreeMap<>();
        texts((where, text) -> {
            List<String> words = EnglishDetector.englishWords(text);
            if (!words.isEmpty() || EnglishDetector.englishSentence(text) != null) {
                english.put(where, words.isEmpty() ? List.of(EnglishDetector.englishSentence(text)) : words);
            }
        });
        assertTrue(english.isEmpty(), english.size() + " Vietnamese text(s) with English words:\n"
                + String.join("\n", english.entrySet().stream().limit(60).map(e -> e.getKey() + ": " + e.getValue()).toList()));
    }

    /** The detector itself: an English phrase, an English abbreviation and a path are caught; Vietnamese passes. */
    @Test
    void theDetectorFindsEnglishAndPassesVietnamese() {
        assertEquals(List.of("licence", "is", "expired"), EnglishDetector.englishWords("Giấy phép licence is expired."));
        assertEquals(List.of("MOIT"), EnglishDetector.englishWords("ý kiến của MOIT"));
        assertEquals(List.of("exports", "product"), EnglishDetector.englishWords("(exports[0].product)"));
        assertEquals(List.of(), EnglishDetector.englishWords("Nghiêm cấm khai thác khoáng sản khi giấy phép đã hết hạn"
                + " (khoản 3 Điều 9 Luật Địa chất và khoáng sản số 54/2024/QH15); ĐTM; hàm lượng TREO từ 90 % trở lên."));
        assertEquals(List.of(), EnglishDetector.englishWords("Nghìn, nghiêng, khuya, quyết, giường, khuỷu, thuở, oanh, uyên, gì, gìn"));
    }

    /** Every Vietnamese text a reader can get, with where it comes from. */
    static void texts(BiConsumer<String, String> each) throws Exception {
        RuleBase rules = CasesTest.RULES;
        FindingLocalizer localizer = FindingLocalizer.of(rules);
        for (RuleInfo r : rules.catalogue()) {
            each.accept(r.file() + " " + r.id() + " @titleVi", r.titleVi() == null ? "(none)" : r.titleVi());
        }
        JsonNode vi = Json.yaml().readTree(Files.readString(rules.dir().resolve(FindingLocalizer.FILE)));
        vi.fields().forEachRemaining(e -> strings("vi.yaml " + e.getKey(), e.getValue(), each));
        JsonNode ui = yaml("texts/ui.yaml");
        ui.fields().forEachRemaining(e -> each.accept("ui.yaml " + e.getKey(), e.getValue().path("vi").asText()));
        JsonNode fields = yaml("texts/fields.yaml");
        fields.path("sections").fields().forEachRemaining(e -> {
            strings("fields.yaml sections." + e.getKey(), e.getValue().path("vi"), each);
            for (String pair : List.of("add", "item")) {
                if (e.getValue().has(pair)) {
                    each.accept("fields.yaml sections." + e.getKey() + "." + pair, e.getValue().path(pair).path(1).asText());
                }
            }
        });
        fields.path("fields").fields().forEachRemaining(e -> strings("fields.yaml " + e.getKey(), e.getValue().path("vi"), each));
        fields.path("enums").fields().forEachRemaining(t -> t.getValue().fields().forEachRemaining(v ->
                each.accept("fields.yaml enums." + t.getKey() + "." + v.getKey(), v.getValue().path(1).asText())));
        localizer.form().fieldsByKey("vi").values().forEach(f -> {
            if (f.cite() != null) {
                each.accept("the question " + f.key() + " cites", f.cite());
            }
        });
        ReportWords.vietnamese().forEach((k, v) -> each.accept("ReportWords " + k, v));
        Assessor assessor = new Assessor(rules);
        for (TestCase c : CasesTest.CASES) {
            if (!c.valid()) {
                continue;
            }
            Assessment a = localizer.localize(assessor.assess(c.project(), Assessor.Options.WITHOUT_TEXTS), c.project(), "vi");
            for (Finding f : a.findings()) {
                String where = c.id() + " " + f.ruleId() + " ";
                each.accept(where + "title", f.title());
                each.accept(where + "citation", f.citation().label());
                each.accept(where + "explanation", f.explanation());
                each.accept(where + "remediation", f.remediation());
            }
            a.derived().explanations().forEach(e -> each.accept(c.id() + " derived", e));
        }
    }

    private static void strings(String where, JsonNode node, BiConsumer<String, String> each) {
        if (node.isTextual()) {
            each.accept(where, node.asText());
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                strings(where + "[" + i + "]", node.get(i), each);
            }
        } else if (node.isObject()) {
            // values only: the keys of _derived are the engine's English texts it translates
            node.fields().forEachRemaining(e -> strings(where + "." + e.getKey(), e.getValue(), each));
        }
    }

    private static JsonNode yaml(String resource) throws Exception {
        try (InputStream in = VietnameseTextTest.class.getClassLoader().getResourceAsStream(resource)) {
            return Json.yaml().readTree(in);
        }
    }

    /** Texts with where they come from, for a reader of a failure. */
    static Map<String, String> all() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        texts(out::put);
        return out;
    }

    @Test
    void theTextsAreRead() throws Exception {
        Map<String, String> all = all();
        List<String> sources = new ArrayList<>(List.of("@titleVi", "vi.yaml", "ui.yaml", "fields.yaml", "cites",
                "ReportWords", "explanation", "derived"));
        sources.removeIf(s -> all.keySet().stream().anyMatch(k -> k.contains(s)));
        assertTrue(sources.isEmpty(), "texts read from every source: missing " + sources);
        assertFalse(all.size() < 3000, "all the texts: " + all.size());
    }
}
