package vn.lgm.compliance.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.engine.CasesTest;
import vn.lgm.compliance.engine.RuleLoadException;
import vn.lgm.compliance.engine.cases.TestCase;

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
        assertTrue(exp001.explanation().contains("đất hiếm dạng tinh quặng (sản phẩm xuất khẩu 1)"), exp001.explanation());
        Assessment en = localizer.localize(a, "en");
        Finding enFor = en.findings().stream().filter(f -> f.ruleId().equals("FOR-003")).findFirst().orElseThrow();
        assertFalse(enFor.explanation().contains("proponent.marketAccessConditionsMet"), enFor.explanation());
    }

    /** Every name of a list inside a sentence is in lower case, not the first only; a group's numeral keeps its case. */
    @Test
    void aListInsideASentenceIsInLowerCaseAndAGroupKeepsItsNumeral() throws Exception {
        var project = ProjectReader.json().read(Files.readString(Path.of("examples/rare-earth-proposal.json"))).project();
        Assessment a = new Assessor(rules).assess(project, Assessor.Options.WITHOUT_TEXTS);
        String vi = localizer.localize(a, project, "vi").findings().stream().filter(f -> f.ruleId().equals("ENV-002"))
                .findFirst().orElseThrow().explanation();
        assertTrue(vi.contains("(nhóm khoáng sản chính I; hoạt động: khai thác, chế biến, xuất khẩu)"), vi);
        String en = localizer.localize(a, project, "en").findings().stream().filter(f -> f.ruleId().equals("ENV-002"))
                .findFirst().orElseThrow().explanation();
        assertTrue(en.contains("group I; activities mining, processing, export)"), en);
        // a fact not given is stated as the text states a fact given: "label = not stated" where the text has "label = value"
        String export = localizer.localize(a, project, "en").findings().stream().filter(f -> f.ruleId().equals("EXP-001"))
                .findFirst().orElseThrow().explanation();
        assertTrue(export.contains("on MOIT's export list and up to its specifications = not stated")
                && export.contains("meets MOIT's deep-processing standard = no"), export);
    }

    private static Finding finding(String caseId, String ruleId, String lang) {
        TestCase c = CasesTest.CASES.stream().filter(x -> x.id().equals(caseId)).findFirst().orElseThrow();
        Assessment a = new Assessor(rules).assess(c.project(), Assessor.Options.WITHOUT_TEXTS);
        return localizer.localize(a, c.project(), lang).findings().stream().filter(f -> f.ruleId().equals(ruleId))
                .findFirst().orElseThrow();
    }

    @Test
    void insideASentenceLabelsAndValueNamesAreLowerCaseAndQuestionsLoseTheirMark() {
        // "(Loại khoáng sản (khoáng sản 1))" and "Bản mô tả chưa nêu: Được Nhà nước …?, nên" before
        Finding fired = finding("APP-001-obligation-application-not-designated", "APP-001", "vi");
        assertTrue(fired.explanation().startsWith("Dự án thăm dò, khai thác hoặc chế biến đất hiếm (loại khoáng sản) và"),
                fired.explanation());
        Finding asked = finding("APP-001-insufficient-designation-unknown", "APP-001", "vi");
        assertTrue(asked.explanation().contains("Bản mô tả chưa nêu: được Nhà nước chỉ định hoặc cho phép đối với đất hiếm"
                + " hay không, nên"), asked.explanation());
        assertFalse(asked.explanation().contains("?"), asked.explanation());
        assertTrue(asked.remediation().startsWith("Hãy trả lời: được Nhà nước chỉ định"), asked.remediation());
        // a proper name keeps its capital; the start of a sentence gets one
        StringBuilder out = new StringBuilder("cấp bởi ");
        FindingLocalizer.inSentence(out, "Chủ tịch UBND cấp tỉnh", "vi");
        assertEquals("cấp bởi Chủ tịch UBND cấp tỉnh", out.toString());
        out = new StringBuilder("Xong. ");
        FindingLocalizer.inSentence(out, "đất hiếm", "vi");
        assertEquals("Xong. Đất hiếm", out.toString());
        out = new StringBuilder("the ");
        FindingLocalizer.inSentence(out, "EIA approved", "en");
        assertEquals("the EIA approved", out.toString());
    }

    @Test
    void countriesAndDatesAreWrittenForTheReader() {
        Finding partner = finding("FOR-006-boundary-from-decree-21", "FOR-006", "vi");
        assertTrue(partner.explanation().contains("đối tác từ Hàn Quốc"), partner.explanation());
        assertFalse(partner.explanation().contains(" KR"), partner.explanation());
        assertTrue(finding("FOR-006-boundary-from-decree-21", "FOR-006", "en").explanation().contains("South Korea"));
        Finding expired = finding("APP-006-boundary-from-law-54", "APP-006", "vi");
        assertTrue(expired.explanation().contains("đã hết hạn ngày 28/02/2025"), expired.explanation());
        assertFalse(expired.explanation().matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"), expired.explanation());
    }

    @Test
    void theDerivedClassificationGivesItsReasonsInTheReadersLanguage() throws Exception {
        var project = ProjectReader.json().read(Files.readString(Path.of("examples/rare-earth-proposal.json"))).project();
        Assessment a = new Assessor(rules).assess(project, Assessor.Options.WITHOUT_TEXTS);
        List<String> vi = localizer.localize(a, project, "vi").derived().explanations();
        assertTrue(vi.contains("Đất hiếm là khoáng sản chiến lược đặc biệt (khoản 1 Điều 85a Luật Địa chất và khoáng sản)"), vi.toString());
        assertEquals(a.derived().explanations().size(), vi.size());
        List<String> en = localizer.localize(a, project, "en").derived().explanations();
        assertTrue(en.contains("Rare earths are a special strategic mineral (LGM Art 85a(1))"), en.toString());
        assertEquals(a.derived().mineralGroups(), localizer.localize(a, project, "vi").derived().mineralGroups(), "values stay");
    }

    @TempDir
    Path tmp;

    /** A definition rule whose reason has no Vietnamese text stops the load, naming the reason (fault injected). */
    @Test
    void aReasonWithoutItsVietnameseTextIsRefused() throws Exception {
        Path copy = vn.lgm.compliance.TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path file = copy.resolve("definitions/classification.drl");
        Files.writeString(file, Files.readString(file).replace("\"is Group IV (LGM Art 6(1)(d))\"",
                "\"is Group IV, the fill group (LGM Art 6(1)(d))\""));
        RuleBase edited = RuleBase.load(copy);
        RuleLoadException e = org.junit.jupiter.api.Assertions.assertThrows(RuleLoadException.class,
                () -> FindingLocalizer.load(edited, Labels.shared(), FormModel.shared()));
        assertTrue(e.getMessage().contains("is Group IV, the fill group"), e.getMessage());
    }
}
