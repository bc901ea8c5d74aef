package vn.lgm.compliance.investor;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.contract.model.Verdict;

/**
 * What would make the project comply: for each VIOLATION and OBLIGATION the smallest set of fact changes found
 * that removes it without adding any other finding, and a plan for the whole project. Every change set was checked
 * by assessing the changed project again. An addition to the contract.
 */
@Schema(description = "Addition to the contract (?counterfactuals=true): the smallest fact changes found, each checked"
        + " by re-assessing, that remove a VIOLATION or OBLIGATION without adding another finding; and a plan for the whole"
        + " project. Facts a proponent cannot change (minerals, place, stage, activities, past dates) are never proposed.")
public record Counterfactuals(
        @Schema(description = "One entry per VIOLATION and OBLIGATION, in the order of the findings") List<FindingFix> findings,
        @Schema(description = "Changes that, applied together, remove as many VIOLATIONs and OBLIGATIONs as the search could") ProjectFix project,
        @Schema(description = "How many assessments the search ran") int assessments,
        @Schema(description = "Whether the search stopped at its budget (of assessments or of time) before trying everything;"
                + " what it found until then is given") boolean budgetReached,
        @Schema(description = "Why the search stopped early: ASSESSMENTS (its 4,000 assessments), TIME (the request's deadline,"
                + " counterfactuals.time-limit); null when it tried everything") StoppedBy stoppedBy) {

    /** Why a search stopped before trying everything. CLIENT_LEFT is never seen in an answer: nobody is there to read it. */
    public enum StoppedBy {
        ASSESSMENTS, TIME, CLIENT_LEFT
    }

    @Schema(description = "One fact change: the fact's path, its value now (null: not given) and the value proposed")
    public record Change(String path, Object from, Object to) {
    }

    @Schema(description = "The changes that remove one finding. found=false: none within the search's reach, or only by"
            + " changing what the proponent cannot change")
    public record FindingFix(String ruleId, Outcome outcome, @Schema(description = "The list entry the finding is about, e.g. exports[0]; null for the project") String at,
                             boolean found, List<Change> changes,
                             @Schema(description = "The verdict of the project with only these changes") Verdict verdictAfter) {
    }

    @Schema(description = "A plan for the whole project: the changes together, the verdict they reach and the findings they leave")
    public record ProjectFix(List<Change> changes, Verdict verdictBefore, Verdict verdictAfter,
                             @Schema(description = "VIOLATIONs and OBLIGATIONs (rule ids) no change found removes") List<String> remaining) {
    }
}
