package vn.lgm.compliance.engine.cases;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;

/** Runs a case and compares the verdict, the exact multiset of findings (rule id and outcome) and, if given, the derived classification. */
public final class CaseRunner {

    private final Assessor assessor;

    public CaseRunner(Assessor assessor) {
        this.assessor = assessor;
    }

    public CaseResult run(TestCase c) {
        return run(c, Assessor.Options.NONE);
    }

    public CaseResult run(TestCase c, Assessor.Options options) {
        if (!c.valid()) {
            List<String> problems = c.errors().stream().map(e -> "case file: " + e.path() + ": " + e.message()).toList();
            return new CaseResult(c, null, null, List.of(), problems);
        }
        Assessment a;
        try {
            a = assessor.assess(c.project(), options);
        } catch (RuntimeException e) {
            return new CaseResult(c, null, null, List.of(), List.of("assessment failed: " + e));
        }
        List<String> actual = a.findings().stream().map(CaseRunner::key).sorted().toList();
        List<String> missing = new ArrayList<>(c.expectedFindings() == null ? actual : c.expectedFindings());
        List<String> unexpected = new ArrayList<>();
        for (String f : actual) {
            if (!missing.remove(f)) {
                unexpected.add(f);
            }
        }
        List<String> problems = new ArrayList<>();
        if (c.expectedVerdict() != null && a.verdict() != c.expectedVerdict()) {
            problems.add("verdict: expected " + c.expectedVerdict() + ", actual " + a.verdict());
        }
        if (c.expectedDerived() != null) {
            JsonNode actualDerived = Json.json().valueToTree(a.derived());
            c.expectedDerived().fields().forEachRemaining(e -> {
                JsonNode got = actualDerived.get(e.getKey());
                if (!e.getValue().equals(got)) {
                    problems.add("derived." + e.getKey() + ": expected " + e.getValue() + ", actual " + got);
                }
            });
        }
        missing.forEach(f -> problems.add("expected finding did not appear: " + f));
        for (String f : unexpected) {
            Finding detail = a.findings().stream().filter(x -> key(x).equals(f)).findFirst().orElseThrow();
            problems.add("unexpected finding: " + f + " (" + detail.title() + "; missing facts " + detail.missingFacts() + ")");
        }
        return new CaseResult(c, a, a.verdict(), actual, problems);
    }

    /**
     * "EXP-001 VIOLATION"; a finding about one act resting on several rules names each, its own first:
     * "EXP-001+EXP-002+EXP-005 VIOLATION" — so a case pins every rule of the act, and switching one off fails it.
     */
    public static String key(Finding f) {
        return String.join("+", f.ruleIds()) + " " + f.outcome();
    }
}
