package vn.lgm.compliance.lawyer;

import java.util.List;
import java.util.Map;

/**
 * What a lawyer needs to trust the rules: which provisions are encoded and by which rules, which cases prove each
 * rule fires and which prove it stays silent, which rules and thresholds no case would notice if they were wrong
 * (mutation testing), and which cases fail. The JSON begins with the summary.
 */
public record CoverageReport(Summary summary, List<ProvisionCoverage> provisions, List<RuleCoverage> rules,
                             List<CaseCoverage> cases, List<ThresholdCoverage> thresholds, List<String> gateFailures) {

    /** @param mutationScore pinned mutants / all mutants (one per rule, one per threshold) */
    public record Summary(int provisions, int encoded, int outOfScope, int rules, int rulesFired, int casesPassed,
                          int casesFailed, double mutationScore, List<String> unpinnedRules,
                          List<String> unpinnedThresholds, String rulesVersion, long durationMillis) {
    }

    /** colour: GREEN (encoded, pinned, fired), AMBER (a warning), RED (a gate failure), GREY (out of scope). */
    public record ProvisionCoverage(String id, String citation, String status, String reason, String colour,
                                    List<RuleUse> rules, List<String> flags) {
    }

    /** A rule as seen from a provision: the cases where it fired and where it was in force and stayed silent. */
    public record RuleUse(String ruleId, String title, boolean exists, List<String> firedIn, List<String> silentIn) {
    }

    public record RuleCoverage(String id, String title, String area, String kind, String citation, List<String> provisions,
                               int timesFired, Map<String, Integer> firedIn, int silentCases, boolean pinned,
                               List<String> killedBy, String colour, List<String> flags) {
    }

    public record CaseCoverage(String id, String file, boolean passed, String expectedVerdict, String actualVerdict,
                               List<String> expectedFindings, List<String> actualFindings, List<String> problems,
                               Map<String, Integer> rulesFired) {
    }

    /** A threshold nudged just past its value both ways; pinned if some case notices either nudge. */
    public record ThresholdCoverage(String key, String title, String citation, boolean pinned, List<String> killedBy) {
    }
}
