package vn.lgm.compliance.investor;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Derived;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Verdict;

/** The assessment as the contract gives it, with one field added: the counterfactuals. */
@Schema(description = "The assessment (contract fields unchanged) with the added field counterfactuals (?counterfactuals=true)")
public record AssessmentWithCounterfactuals(String projectId, Verdict verdict, LocalDate lawAsOf, String rulesVersion,
                                            Derived derived, List<Finding> findings, Counterfactuals counterfactuals) {

    public static AssessmentWithCounterfactuals of(Assessment a, Counterfactuals c) {
        return new AssessmentWithCounterfactuals(a.projectId(), a.verdict(), a.lawAsOf(), a.rulesVersion(), a.derived(),
                a.findings(), c);
    }
}
