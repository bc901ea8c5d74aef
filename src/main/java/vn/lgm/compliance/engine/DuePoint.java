package vn.lgm.compliance.engine;

import java.util.ArrayList;
import java.util.List;

import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.OutcomeDependence;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Stage;

/**
 * When a step an OBLIGATION rule requires falls due: from then on, a step not taken is a VIOLATION. The stages of
 * the contract, plus CONSTRUCTION: the start of basic construction, which a licensed mine reaches when
 * {@code operations.constructionStarted} is true (and an operating mine has passed), and TRANSFER: the making of a
 * transfer of rights, reached when {@code transfer.completed} is true (a transfer's conditions fall due when the
 * authority approves it and licenses the transferee, LGM Art 46(3), Art 58(3); before that they can still be met).
 */
public enum DuePoint {
    PROPOSAL, APPLICATION, LICENSED, CONSTRUCTION, OPERATING, TRANSFER;

    /** True if the project has reached this point; null if the facts needed to tell are not given. */
    public Boolean reachedBy(Project project) {
        if (this == TRANSFER) {
            return project.transfer().completed();
        }
        if (project.stage() == null) {
            return null;
        }
        if (this != CONSTRUCTION) {
            return project.stage().atLeast(Stage.valueOf(name()));
        }
        if (project.stageAtLeast(Stage.OPERATING)) {
            return true;
        }
        if (project.stage() != Stage.LICENSED) {
            return false;
        }
        return project.operations().constructionStarted();
    }

    /** The fact that decides it, to ask for when it is not given. */
    public String decidingFact(Project project) {
        if (this == TRANSFER) {
            return "transfer.completed";
        }
        return this == CONSTRUCTION && project.stage() == Stage.LICENSED ? "operations.constructionStarted" : "stage";
    }

    /**
     * When {@link #reachedBy} cannot tell: the deciding fact and, for each answer it can take, the weight of a step
     * not taken — VIOLATION once the point is reached, OBLIGATION before it, INSUFFICIENT_INFORMATION where another
     * fact then decides (a licensed mine whose start of construction is not given).
     */
    public OutcomeDependence dependence(Project project) {
        String fact = decidingFact(project);
        List<OutcomeDependence.Answer> answers = new ArrayList<>();
        if (!fact.equals("stage")) {
            answers.add(new OutcomeDependence.Answer(true, Outcome.VIOLATION));
            answers.add(new OutcomeDependence.Answer(false, Outcome.OBLIGATION));
            return new OutcomeDependence(fact, List.copyOf(answers));
        }
        for (Stage s : Stage.values()) {
            Boolean reached;
            if (this != CONSTRUCTION) {
                reached = s.atLeast(Stage.valueOf(name()));
            } else {
                reached = s == Stage.OPERATING ? Boolean.TRUE : s == Stage.LICENSED ? project.operations().constructionStarted()
                        : Boolean.FALSE;
            }
            answers.add(new OutcomeDependence.Answer(s.name(), reached == null ? Outcome.INSUFFICIENT_INFORMATION
                    : reached ? Outcome.VIOLATION : Outcome.OBLIGATION));
        }
        return new OutcomeDependence(fact, List.copyOf(answers));
    }
}
