package vn.lgm.compliance.lawyer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/**
 * Which edits count as "reader texts only" (no case or mutant rerun for them) and which count as a change of the
 * rule: only the values of {@code @title}, {@code @titleVi}, {@code @explanation} and {@code @remediation} in the
 * header are blanked; everything else, in the header or below {@code when}, is compared as it is.
 */
class RuleFingerprintsTest {

    private static final String RULE = """
            rule "Rare earths may not be exported raw"
                @id("EXP-001") @area("EXPORT") @outcome("VIOLATION") @provision("A1, O12")
                @citation("LGM Art 85a(3)") @inForceFrom("2026-01-01")
                @title("Rare earths may not be exported raw")
                @titleVi("Không xuất khẩu thô khoáng sản đất hiếm")
                @explanation("The project plans to export rare-earth {product} ({product.path}), \\"raw\\".")
                @remediation("Do not export the {product}.")
            when
                $x : ExportLine( )
            then
                findings.breach(kcontext, oneOf($x.at("mineral"), MineralName.RARE_EARTH));
            end
            """;

    private static String blanked(String rule) {
        return RuleFingerprints.withoutReaderTexts(rule);
    }

    @Test
    void editsOfTheReaderTextsAreTextsOnly() {
        assertEquals(blanked(RULE), blanked(RULE.replace("Do not export the", "Never export the (edit 1)")));
        assertEquals(blanked(RULE), blanked(RULE.replace("@title(\"Rare earths may", "@title(\"Rare-earth elements may")));
        assertEquals(blanked(RULE), blanked(RULE.replace("Không xuất khẩu", "Cấm xuất khẩu")));
        assertEquals(blanked(RULE), blanked(RULE.replace("\\\"raw\\\"", "\\\"raw\\\" (not defined by the law)")));
    }

    @Test
    void everyOtherEditIsAChangeOfTheRule() {
        for (String[] edit : new String[][] {
                {"@outcome(\"VIOLATION\")", "@outcome(\"ADVISORY\")"},
                {"@inForceFrom(\"2026-01-01\")", "@inForceFrom(\"2026-07-01\")"},
                {"@citation(\"LGM Art 85a(3)\")", "@citation(\"LGM Art 85a(4)\")"},
                {"@id(\"EXP-001\")", "@id(\"EXP-009\")"},
                {"@provision(\"A1, O12\")", "@provision(\"A1\")"},
                {"rule \"Rare earths may not be exported raw\"", "rule \"Rare earths may not be exported\""},
                {"$x : ExportLine( )", "$x : ExportLine( mineral != null )"},
                {"MineralName.RARE_EARTH));", "MineralName.IRON));"},
                // a text written in another form is not blanked: its edit counts as a change
                {"@remediation(\"Do not export the {product}.\")", "@remediation( \"Never export the {product}.\" )"},
                // a text annotation quoted in the consequence is code, not a text
                {"findings.breach(", "String s = \"@title(\\\"x\\\")\"; findings.breach("}}) {
            String edited = RULE.replace(edit[0], edit[1]);
            assertNotEquals(RULE, edited, edit[0]);
            assertNotEquals(blanked(RULE), blanked(edited), edit[0] + " -> " + edit[1]);
        }
        // the same code change with a text edit is still a change
        String both = RULE.replace("Do not export the", "Never export the").replace("ExportLine( )", "ExportLine( x == 1 )");
        assertNotEquals(blanked(RULE), blanked(both));
    }
}
