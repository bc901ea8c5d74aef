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

    /**
     * A case written for a rule (its file named {@code cases/<area>/<RULE-ID>-<kind>-<slug>.yaml}): whether the rule
     * fires in it, and whether it is a boundary case ({@code -boundary-}). The kind named in the file ({@code fail},
     * {@code pass}, {@code insufficient} …) says what the lawyer meant; where the rule fired says what it does.
     */
    public record OwnCase(String id, String file, boolean fires, boolean boundary) {
    }

    /** How many cases written for other rules (or for none) a rule fires in ({@link #fires}), counted by their folder of cases/. */
    public record Others(int count, Map<String, Integer> byFolder) {
    }

    /** The rule a case was written for, from its file name ("EXP-001-fail-ore.yaml" → "EXP-001"), or null. */
    public static String writtenFor(String file) {
        String name = java.nio.file.Path.of(file).getFileName().toString();
        java.util.regex.Matcher m = OWN.matcher(name);
        return m.find() ? m.group(1) : null;
    }

    private static final java.util.regex.Pattern OWN = java.util.regex.Pattern.compile("^([A-Z]+-\\d{3}[a-z]?)-");

    /** The cases written for this rule, in file order: fires, stays silent, boundary (the boundary ones marked as either). */
    public List<OwnCase> ownCases(RuleCoverage rule) {
        List<OwnCase> out = new java.util.ArrayList<>();
        for (CaseCoverage c : cases) {
            if (rule.id().equals(writtenFor(c.file()))) {
                out.add(new OwnCase(c.id(), c.file(), fires(rule, c),
                        java.nio.file.Path.of(c.file()).getFileName().toString().startsWith(rule.id() + "-boundary-")));
            }
        }
        return out;
    }

    /**
     * Whether a rule fires in a case as a lawyer means it: its finding is among the case's findings (alone or as one of
     * the rules of a finding about one act); for a definition,
     * which raises no finding, that it derived its fact. (A findings rule whose condition matched but whose
     * requirements hold ran without a finding: it stays silent.)
     */
    public static boolean fires(RuleCoverage rule, CaseCoverage c) {
        if (vn.lgm.compliance.engine.RuleInfo.DEFINITION.equals(rule.kind())) {
            return rule.firedIn().containsKey(c.id());
        }
        // "EXP-001+EXP-005 VIOLATION": a finding about one act names every rule it rests on, and each of them fires
        return c.actualFindings() != null && c.actualFindings().stream().anyMatch(f -> {
            int space = f.indexOf(' ');
            return java.util.Arrays.asList((space < 0 ? f : f.substring(0, space)).split("\\+")).contains(rule.id());
        });
    }

    /**
     * The cases where the rule fires that were written for other rules (or for none: scenarios, baselines), counted
     * by their folder of cases/ — the area of the rule each was written for.
     */
    public Others otherCases(RuleCoverage rule) {
        Map<String, Integer> byFolder = new java.util.TreeMap<>();
        int n = 0;
        for (CaseCoverage c : cases) {
            if (!rule.id().equals(writtenFor(c.file())) && fires(rule, c)) {
                n++;
                byFolder.merge(folder(c.file()), 1, Integer::sum);
            }
        }
        return new Others(n, byFolder);
    }

    private static String folder(String file) {
        java.nio.file.Path p = java.nio.file.Path.of(file).getParent();
        return p == null ? "cases" : p.getFileName().toString();
    }

    /**
     * What a gate failure is about: "case EXP-001-fail-ore", "rule EXP-001", "provision A1", "threshold
     * exploration.maxAreaKm2.metallic" — the first two words of every gate failure {@code CoverageRunner} writes.
     */
    public static String subject(String gateFailure) {
        String[] words = gateFailure.split(" ", 3);
        return words.length < 2 ? gateFailure : words[0] + " " + words[1];
    }

    /** Whether this report still has a gate failure about the subject. */
    public boolean fails(String subject) {
        return gateFailures.stream().anyMatch(g -> subject(g).equals(subject));
    }

    /**
     * The state, in this report, of what a gate failure of an earlier report was about — what a {@code FIXED} line
     * says: the case passes now, the rule or threshold is pinned (by which case), the provision is encoded by which
     * rules, or the subject is gone.
     */
    public String now(String subject) {
        String[] s = subject.split(" ", 2);
        String id = s.length > 1 ? s[1] : "";
        switch (s[0]) {
            case "case" -> {
                return cases.stream().filter(c -> c.id().equals(id)).findFirst()
                        .map(c -> "case " + id + " now passes: " + c.actualVerdict()
                                + (c.actualFindings().isEmpty() ? "" : " with " + String.join(", ", c.actualFindings())))
                        .orElse("case " + id + " is no longer among the cases");
            }
            case "rule" -> {
                return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                        .map(r -> "rule " + id + " '" + r.title() + "' is now pinned: switching it off fails "
                                + (r.killedBy().isEmpty() ? "a case" : "case " + r.killedBy().get(0))
                                + (r.killedBy().size() > 1 ? " (and " + (r.killedBy().size() - 1) + " more)" : "")
                                + "; it fires in " + r.firedIn().size() + " case(s)")
                        .orElse("rule " + id + " is no longer in the rules");
            }
            case "threshold" -> {
                return thresholds.stream().filter(t -> t.key().equals(id)).findFirst()
                        .map(t -> "threshold " + id + " is now pinned: nudging it fails "
                                + (t.killedBy().isEmpty() ? "a case" : "case " + t.killedBy().get(0)))
                        .orElse("threshold " + id + " is no longer in rules/parameters.yaml");
            }
            case "provision" -> {
                return provisions.stream().filter(p -> p.id().equals(id)).findFirst()
                        .map(p -> "provision " + id + " (" + p.citation() + ") is now " + p.status()
                                + (p.rules().isEmpty() ? (p.reason() == null ? "" : ": " + p.reason())
                                : ", encoded by " + String.join(", ", p.rules().stream()
                                        .map(u -> u.ruleId() + " (fires in " + u.firedIn().size() + " case(s))").toList())))
                        .orElse("provision " + id + " is no longer in rules/provisions.yaml");
            }
            default -> {
                return subject + " no longer fails the gate";
            }
        }
    }
}
