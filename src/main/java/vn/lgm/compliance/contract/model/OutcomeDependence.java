package vn.lgm.compliance.contract.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What decides the weight of a breach the facts show: the fact (a JSON path of the description, such as
 * {@code transfer.completed} or {@code stage}) and, for each answer it can take, the outcome the finding would then
 * have. Added to the contract.
 */
@Schema(description = "The fact that decides between OBLIGATION and VIOLATION, and the outcome each answer gives")
public record OutcomeDependence(String fact, List<Answer> answers) {

    /** One answer and the outcome it gives (INSUFFICIENT_INFORMATION: another fact then decides). */
    @Schema(name = "OutcomeAnswer", description = "An answer to the deciding fact and the outcome it gives")
    public record Answer(Object value, Outcome outcome) {
    }
}
