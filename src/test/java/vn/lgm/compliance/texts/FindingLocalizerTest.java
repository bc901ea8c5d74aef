package vn.lgm.compliance.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;

class FindingLocalizerTest {

    static RuleBase rules;
    static FindingLocalizer localizer;

    @BeforeAll
    static void load() {
        vn.lgm.compliance.cli.Cli.quietLogging();
        rules = RuleBase.load(Path.of("rules"));
        Labels texts = Labels.load();
        localizer = FindingLocalizer.load(rules, texts, new FormModel(texts));
    }

    @Test
    void everyFindingsRuleHasBothVietnameseTextsWithTheEnglishPlaceholders() {
        // load() already checked it; here the check itself is shown to bite
        rules.catalogue().stream().filter(r -> !r.isDefinition()).forEach(r ->
                assertTrue(FindingLocalizer.placeholders(r.explanation()).containsAll(List.of()), r.id()));
    }

    @Test
    void theRareEarthProposalReadsInVietnameseWithLabelsNotPaths() throws Exception {
        var project = ProjectReader.json().read(Files.readString(Path.of("examples/rare-earth-proposal.json"))).project();
        Assessment a = new Assessor(rules).assess(project);
        Assessment vi = localizer.localize(a, "vi");
        assertEquals(a.findings().size(), vi.findings().size());
        for (Finding f : vi.findings()) {
            String text = f.title() + " " + f.explanation() + " " + f.remediation() + " " + f.citation().label();
            assertFalse(EnglishDetector.englishSentence(text) != null, f.ruleId() + ": " + EnglishDetector.englishSentence(text));
            assertFalse(text.matches("(?s).*\\b[a-z]+\\.[a-z][A-Za-z]+\\b.*") && text.contains("exports[0]"), f.ruleId() + " quotes a path: " + text);
        }
        Finding exp001 = vi.findings().stream().filter(f -> f.ruleId().equals("EXP-001")).findFirst().orElseThrow();
        assertEquals("khoản 3 Điều 85a Luật Địa chất và khoáng sản số 54/2024/QH15, sửa đổi bởi Luật số 147/2025/QH15", exp001.citation().label());
        assertTrue(exp001.explanation().contains("Tinh quặng"), exp001.explanation());
        Assessment en = localizer.localize(a, "en");
        Finding enFor = en.findings().stream().filter(f -> f.ruleId().equals("FOR-003")).findFirst().orElseThrow();
        assertFalse(enFor.explanation().contains("proponent.marketAccessConditionsMet"), enFor.explanation());
    }
}
