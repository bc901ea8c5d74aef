package vn.lgm.compliance.engine.req;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static vn.lgm.compliance.engine.req.Requirements.isFalse;
import static vn.lgm.compliance.engine.req.Requirements.derivedOneOf;
import static vn.lgm.compliance.engine.req.Requirements.recordedOr;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.facts.PrincipalGroup;
import vn.lgm.compliance.contract.model.MineralName;

/** The two functions the mine-safety rules added to the vocabulary: isOneOf on a derived fact, recordedOr. */
class DerivedOneOfAndRecordedOrTest {

    private static Facts facts(Map<String, Object> values) {
        return TestFacts.of(values, Map.of());
    }

    @Test
    void derivedOneOfReadsTheDerivedValueAndShowsIt() {
        PrincipalGroup three = new PrincipalGroup(MineralName.CONSTRUCTION_STONE, "III");
        Result r = derivedOneOf(three, "II", "III").evaluate(facts(Map.of()));
        assertEquals(Tri.TRUE, r.value());
        assertEquals("derived.principalGroup", r.facts().get(0).path());
        assertEquals(Tri.FALSE, derivedOneOf(three, "I").evaluate(facts(Map.of())).value());
    }

    @Test
    void aRecordedAnswerDecidesWhateverTheTest() {
        Result r = recordedOr("need", isFalse("x")).evaluate(facts(Map.of("need", false, "x", false)));
        assertEquals(Tri.FALSE, r.value());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void withoutARecordTheTestDecidesAndNothingIsAsked() {
        Result r = recordedOr("need", isFalse("x")).evaluate(facts(Map.of("x", false)));
        assertEquals(Tri.TRUE, r.value());
        assertEquals(List.of(), r.missing());
    }

    @Test
    void whenNeitherTellsTheRecordAndTheTestsFactsAreAsked() {
        Map<String, Object> none = new HashMap<>();
        Result r = recordedOr("need", isFalse("x")).evaluate(facts(none));
        assertEquals(Tri.UNKNOWN, r.value());
        assertEquals(List.of("need", "x"), r.missing());
    }
}
