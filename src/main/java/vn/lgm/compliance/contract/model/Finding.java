package vn.lgm.compliance.contract.model;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One finding: one act of the project judged under the law (docs/CONTRACT.md, "Findings and the verdict"). The fields
 * from {@code ruleId} to {@code missingFacts} are the contract's first fields; {@code otherRules}, {@code entries} and
 * {@code dependsOn} were added to it (never renamed).
 */
public record Finding(
        String ruleId,
        String title,
        Area area,
        Outcome outcome,
        Citation citation,
        InForce inForce,
        List<FactValue> facts,
        String explanation,
        String remediation,
        List<String> missingFacts,
        @Schema(description = "The other rules that judged the same act (the same list entry and the same legal question)"
                + " with the same outcome, after this finding's own rule, most specific first: one act, one finding,"
                + " naming every provision it breaks. Empty when one rule judged the act. Added to the contract.")
        List<RuleRef> otherRules,
        @Schema(description = "The list entries the finding concerns (\"exports[0]\"): those its facts name, each with"
                + " the entries identical to it, for a finding that repeats for identical entries is stated once. Empty"
                + " for a finding about the project as a whole. Added to the contract.")
        List<String> entries,
        @Schema(description = "For an INSUFFICIENT_INFORMATION finding whose breach is shown but whose weight turns on"
                + " an unknown fact: that fact and the outcome each answer gives (a VIOLATION or a step still to take);"
                + " null otherwise. Added to the contract.")
        OutcomeDependence dependsOn) {

    public Finding {
        otherRules = otherRules == null ? List.of() : List.copyOf(otherRules);
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /** A finding one rule made about the project as a whole, or with its entries named by its facts alone. */
    public Finding(String ruleId, String title, Area area, Outcome outcome, Citation citation, InForce inForce,
                   List<FactValue> facts, String explanation, String remediation, List<String> missingFacts) {
        this(ruleId, title, area, outcome, citation, inForce, facts, explanation, remediation, missingFacts, List.of(),
                List.of(), null);
    }

    /** Every rule of the finding: its own first, then the others, most specific first. */
    public List<String> ruleIds() {
        if (otherRules.isEmpty()) {
            return List.of(ruleId);
        }
        List<String> ids = new java.util.ArrayList<>(otherRules.size() + 1);
        ids.add(ruleId);
        otherRules.forEach(r -> ids.add(r.ruleId()));
        return ids;
    }
}
