package vn.lgm.compliance.investor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Project;

/**
 * The screen shows a question an answer on it brings into play right under that answer, whichever of the answer's
 * values brings it (not only the first value tried).
 */
class InterviewScreenTest {

    static Interview interview;

    @BeforeAll
    static void load() {
        interview = Screens.interview();
    }

    @Test
    void aQuestionOnlyALaterValueBringsIntoPlayFollowsThatValue() {
        Interview.Step s = interview.next(read("""
                {"id":"S-1","assessmentDate":"2026-06-01","stage":"PROPOSAL","activities":["SALVAGE","IMPORT"],
                 "minerals":[{"name":"GOLD"}],"licence":{"type":"EXPLOITATION"}}"""), List.of(), "en");
        // the right's allocation is asked; why no auction matters only for a no-auction area (the second value tried)
        List<Interview.Question> qs = s.page().questions();
        List<String> fields = qs.stream().map(Interview.Question::field).toList();
        int allocation = fields.indexOf("licence.allocation");
        assertTrue(allocation >= 0, "the licence screen asks the allocation: " + fields);
        assertEquals("licence.noAuctionBasis", allocation + 1 < fields.size() ? fields.get(allocation + 1) : null, "why no auction follows the allocation: " + fields);
        Interview.AskedIf c = qs.get(allocation + 1).askedIf();
        assertNotNull(c, "why no auction is shown only after an answer");
        assertEquals("licence.allocation", c.field());
        assertEquals(List.of("NO_AUCTION_AREA"), c.anyOf());
    }

    private static Project read(String json) {
        ProjectReader.Result r = ProjectReader.json().read(json);
        assertTrue(r.ok(), () -> r.errors().toString());
        return r.project();
    }
}
