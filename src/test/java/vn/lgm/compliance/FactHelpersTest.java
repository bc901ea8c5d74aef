package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.facts.Alternatives;
import vn.lgm.compliance.facts.Foreignness;
import vn.lgm.compliance.facts.MineralLine;
import vn.lgm.compliance.facts.Radioactivity;
import vn.lgm.compliance.model.LegalForm;
import vn.lgm.compliance.model.Mineral;
import vn.lgm.compliance.model.MineralName;
import vn.lgm.compliance.model.Proponent;

/** The readings the technology, environment, rare-earth and foreign-investment rules share. */
class FactHelpersTest {

    private static Proponent proponent(LegalForm form, Double foreignPercent) {
        return new Proponent("X", form, foreignPercent, null, null, null, null, null, null, null);
    }

    @Test
    void foreignnessAsksOnlyWhereItCouldMatter() {
        assertTrue(Foreignness.knownDomestic(proponent(LegalForm.VN_ENTERPRISE, 0.0)));
        assertFalse(Foreignness.knownDomestic(proponent(LegalForm.VN_ENTERPRISE, 0.5)));
        assertFalse(Foreignness.knownDomestic(proponent(LegalForm.VN_ENTERPRISE, null)), "ownership unknown: ask");
        assertFalse(Foreignness.knownDomestic(proponent(null, 0.0)), "legal form unknown: ask");
        assertFalse(Foreignness.knownDomestic(proponent(LegalForm.FOREIGN_ENTERPRISE, null)));
        assertTrue(Foreignness.knownDomestic(proponent(LegalForm.STATE_BODY, null)));
        assertTrue(Foreignness.knownDomestic(proponent(LegalForm.HOUSEHOLD_BUSINESS, null)));
        assertEquals("proponent.foreignOwnershipPercent", Foreignness.fact(proponent(LegalForm.VN_ENTERPRISE, 49.0)));
        assertEquals("proponent.foreignOwnershipPercent", Foreignness.fact(proponent(LegalForm.VN_ENTERPRISE, null)));
        assertEquals("proponent.legalForm", Foreignness.fact(proponent(LegalForm.FOREIGN_ENTERPRISE, null)));
        assertEquals("proponent.legalForm", Foreignness.fact(proponent(null, null)));
        assertArrayEquals(new Object[] {"proponent.foreignOwnershipPercent", "proponent.legalForm", "x"},
                Foreignness.facts(proponent(LegalForm.VN_ENTERPRISE, 49.0), "x"));
    }

    @Test
    void radioactivityIsAskedOnlyForRareEarths() {
        MineralLine thorium = new MineralLine(0, new Mineral(MineralName.THORIUM, null, null));
        MineralLine rareEarth = new MineralLine(1, new Mineral(MineralName.RARE_EARTH, null, null));
        MineralLine iron = new MineralLine(2, new Mineral(MineralName.IRON, null, null));
        MineralLine ironMarked = new MineralLine(3, new Mineral(MineralName.IRON, true, null));
        MineralLine rareEarthClean = new MineralLine(4, new Mineral(MineralName.RARE_EARTH, false, null));
        assertTrue(Radioactivity.radioactiveOrUnknown(thorium));
        assertTrue(Radioactivity.radioactiveOrUnknown(rareEarth));
        assertFalse(Radioactivity.radioactiveOrUnknown(iron));
        assertTrue(Radioactivity.radioactiveOrUnknown(ironMarked));
        assertFalse(Radioactivity.radioactiveOrUnknown(rareEarthClean));
        assertArrayEquals(new Object[] {"minerals[0].name", "activities"}, Radioactivity.facts(thorium, "activities"));
        assertArrayEquals(new Object[] {"minerals[1].name", "minerals[1].radioactive"}, Radioactivity.facts(rareEarth));
    }

    @Test
    void eitherOfAsksTheUnknownOneAndShowsBothWhenBothFalse() {
        assertArrayEquals(new Object[] {"b"}, Alternatives.eitherOf("a", false, "b", null));
        assertArrayEquals(new Object[] {"a", "b"}, Alternatives.eitherOf("a", null, "b", null));
        assertArrayEquals(new Object[] {"a", "b"}, Alternatives.eitherOf("a", false, "b", false));
    }

    @Test
    void citationsOfTheseAreasParseDownToThePoint() {
        RuleBase rules = RuleBase.load(Path.of("rules"));
        RuleInfo opinion = rules.catalogue().stream().filter(r -> r.id().equals("ENV-007")).findFirst().orElseThrow();
        assertEquals("61", opinion.citation().article());
        assertEquals("1", opinion.citation().clause());
        assertEquals("đ", opinion.citation().point());
        RuleInfo reserve = rules.catalogue().stream().filter(r -> r.id().equals("REE-002")).findFirst().orElseThrow();
        assertEquals("85c", reserve.citation().article());
        for (String prefix : new String[] {"TEC-", "ENV-", "REE-", "FOR-"}) {
            assertTrue(rules.catalogue().stream().anyMatch(r -> r.id().startsWith(prefix)), prefix);
        }
    }
}
