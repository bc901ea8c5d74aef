package vn.lgm.compliance.texts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.model.Citation;
import vn.lgm.compliance.engine.CasesTest;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.regulator.report.ReportWords;

/**
 * One way to write a citation in each language, shared by the findings (API, interview, page, audit lines) and the
 * names a report gives its rules: in English the engine's label, in Vietnamese point, clause, article, instrument.
 */
class CitationsTest {

    static final RuleBase RULES = CasesTest.RULES;
    static final FindingLocalizer TEXTS = FindingLocalizer.of(RULES);

    @Test
    void everyRuleIsCitedInEnglishAsTheEngineLabelsIt() {
        for (RuleInfo r : RULES.catalogue()) {
            assertEquals(r.citation().label(), TEXTS.citation(r.citation(), "en"), r.id());
        }
    }

    @Test
    void vietnameseCitesPointClauseArticleThenTheInstrument() {
        String lgm = "Luật Địa chất và khoáng sản số 54/2024/QH15, sửa đổi bởi Luật số 147/2025/QH15";
        assertEquals("khoản 3 Điều 85a " + lgm, TEXTS.citation(new Citation("LGM", "85a", "3", null, "x"), "vi"));
        assertEquals("điểm c khoản 2 Điều 110a Nghị định số 193/2025/NĐ-CP, sửa đổi bởi Nghị định số 21/2026/NĐ-CP",
                TEXTS.citation(new Citation("D193", "110a", "2", "c", "x"), "vi"));
        assertEquals("Phụ lục I Nghị định số 193/2025/NĐ-CP, sửa đổi bởi Nghị định số 21/2026/NĐ-CP",
                TEXTS.citation(new Citation("D193", "Appendix I", null, null, "x"), "vi"));
        assertEquals("khoản 1 Điều 6, khoản 1 Điều 85a " + lgm + "; Phụ lục I Nghị định số 193/2025/NĐ-CP, sửa đổi bởi"
                + " Nghị định số 21/2026/NĐ-CP", TEXTS.cite("LGM Art 6(1); Art 85a(1); D193 Appendix I", "vi"));
        assertEquals("khoản 2, 3 Điều 85d " + lgm, TEXTS.cite("LGM Art 85d(2)–(3)", "vi"));
        assertEquals("Điều 9 đến Điều 11 Luật Chuyển giao công nghệ số 07/2017/QH14", TEXTS.cite("LTT Arts 9–11", "vi"));
        assertEquals("Chương III Luật Năng lượng nguyên tử số 94/2025/QH15", TEXTS.cite("LAE Ch. III", "vi"));
        // an instrument named by the start of its name, as the form's texts write Law 147
        assertEquals("điểm c khoản 3 Điều 4 Luật số 147/2025/QH15 sửa đổi Luật Địa chất và khoáng sản",
                TEXTS.cite("Law 147/2025 Art 4(3)(c)", "vi"));
        assertEquals("Law on Technology Transfer 07/2017/QH14, Arts. 9–11", TEXTS.cite("LTT Arts 9–11", "en"));
        assertEquals("Law 54/2024/QH15 as amended by Law 147/2025/QH15, Art. 6(1), Art. 85a(1)", TEXTS.cite("LGM Art 6(1); Art 85a(1)", "en"));
    }

    @Test
    void whatIsNotAReferenceIsLeftAsWritten() {
        assertNull(TEXTS.citations().cite("see the decree", "vi"));
        assertNull(TEXTS.citations().cite("XYZ Art 3", "vi"), "an unknown instrument");
        assertNull(TEXTS.citations().cite("Art 3", "vi"), "no instrument to refer to");
        assertEquals("see the decree", TEXTS.cite("see the decree", "vi"));
    }

    @Test
    void everyQuestionOfTheFormCitesItsProvisionsInTheReadersLanguage() {
        for (String lang : Labels.LANGUAGES) {
            TEXTS.form().fieldsByKey(lang).values().stream().filter(f -> f.cite() != null).forEach(f -> {
                assertNotNull(TEXTS.citations().cite(Labels.shared().field(f.key(), lang).cite(), lang),
                        f.key() + " cites what is not a reference: " + Labels.shared().field(f.key(), lang).cite());
                // written once: a citation already written out is left as it is (the interview writes what it is given)
                assertEquals(f.cite(), TEXTS.cite(f.cite(), lang), f.key());
            });
        }
        assertEquals("khoản 3 Điều 85a Luật Địa chất và khoáng sản số 54/2024/QH15, sửa đổi bởi Luật số 147/2025/QH15",
                TEXTS.form().fieldsByKey("vi").get("proponent.stateDesignated").cite());
    }

    @Test
    void aReportNamesARuleByTheSameCitation() {
        RuleNames names = new RuleNames(RULES);
        RuleInfo exp001 = RULES.catalogue().stream().filter(r -> r.id().equals("EXP-001")).findFirst().orElseThrow();
        assertEquals(TEXTS.citation(exp001.citation(), "vi"), names.provision("EXP-001", "vi"));
        assertEquals(exp001.citation().label(), names.provision("EXP-001", "en"));
        assertNotNull(ReportWords.vietnamese().get("provision"));
    }
}
