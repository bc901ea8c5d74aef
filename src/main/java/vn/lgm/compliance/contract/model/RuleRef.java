package vn.lgm.compliance.contract.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Another rule a finding rests on: the provision it encodes, as a finding names its own. Added to the contract. */
@Schema(description = "Another rule that judged the same act: its id, title, citation and dates in force")
public record RuleRef(String ruleId, String title, Citation citation, InForce inForce) {
}
