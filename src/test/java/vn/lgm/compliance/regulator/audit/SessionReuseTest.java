package vn.lgm.compliance.regulator.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Project;

/** A reused (reset) session assesses exactly as a fresh one: nothing of one project leaks into the next. */
class SessionReuseTest {

    @Test
    void reusedSessionsGiveTheSameAssessmentsAsFreshOnes() throws Exception {
        Assessor assessor = Rules.assessor();
        ProjectReader reader = ProjectReader.json();
        SplittableRandom rnd = new SplittableRandom(11);
        // A listener forces a fresh session per assessment; without one the thread's session is reset and reused.
        Assessor.Options fresh = new Assessor.Options(Set.of(), Map.of(), info -> { });
        for (int i = 0; i < 300; i++) {
            Project p = reader.read(Json.json().writeValueAsString(SyntheticProjects.project(i, rnd))).project();
            String reused = Json.json().writeValueAsString(assessor.assess(p));
            String once = Json.json().writeValueAsString(assessor.assess(p, fresh));
            assertEquals(once, reused, p.id());
        }
    }
}
