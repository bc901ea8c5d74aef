package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;


/** The citations of the technology, environment, rare-earth and foreign-investment rules parse down to the point. */
class CitationParsingTest {

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
