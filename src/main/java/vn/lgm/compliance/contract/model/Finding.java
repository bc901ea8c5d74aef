package vn.lgm.compliance.contract.model;

import java.util.List;

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
        List<String> missingFacts) {
}
