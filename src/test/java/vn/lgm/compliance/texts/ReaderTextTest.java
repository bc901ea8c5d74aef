package vn.lgm.compliance.texts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.contract.model.Project;
import java.nio.file.Files;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.engine.CleanGrid;
import vn.lgm.compliance.regulator.audit.Registers;
import vn.lgm.compliance.engine.CasesTest;

/**
 * What a reader gets, in both languages, over every case, the examples, the clean grid with only the contract's facts, and the three
 * Lào Cai registers: no finding's text quotes a JSON path of the description, and no placeholder is left without its
 * fact ("(not given)"): each rule's texts name only facts its finding shows ({@code {field:…}} names any field).
 */
class ReaderTextTest {

    /** A path as the description spells it: "finance.totalInvestment", "exports[0].product", "licence.type". */
    private static final Pattern PATH = Pattern.compile("\\b(?:" + String.join("|", java.util.Arrays.stream(
            vn.lgm.compliance.contract.model.Project.class.getRecordComponents()).map(c -> c.getName()).toList())
            + "|derived)(?:\\[\\d+])?(?:\\.[a-z][A-Za-z]*)+\\b|\\b[a-z]+\\[\\d+]");

    static RuleBase rules;
    static FindingLocalizer localizer;
    static List<TestCase> cases;

    @BeforeAll
    static void load() {
        rules = CasesTest.RULES;
        Labels texts = Labels.load();
        localizer = FindingLocalizer.load(rules, texts, new FormModel(texts));
        cases = CasesTest.CASES.stream().filter(TestCase::valid).toList();
    }

    @Test
    void noProjectGivesAReaderAPathOrAnEmptyPlaceholder() throws Exception {
        Assessor assessor = new Assessor(rules);
        List<String> problems = new ArrayList<>();
        for (TestCase c : cases) {
            check(c.id(), assessor.assess(c.project()), problems);
        }
        try (var examples = Files.list(Path.of("examples"))) {
            for (Path example : examples.filter(x -> x.toString().endsWith(".json")).sorted().toList()) {
                check(example.toString(), assessor.assess(vn.lgm.compliance.contract.input.ProjectReader.json()
                        .read(Files.readString(example)).project()), problems);
            }
        }
        for (CleanGrid.Entry e : CleanGrid.projects(true)) {
            check(e.name(), assessor.assess(e.project()), problems);
        }
        int licences = Registers.forEach((where, p) -> check(where, assessor.assess(p), problems));
        assertTrue(licences > 400, "the registers' licences were read: " + licences);
        assertTrue(problems.isEmpty(), problems.size() + " problem(s):\n" + String.join("\n", problems.stream().limit(40).toList()));
    }

    private static void check(String name, Assessment a, List<String> problems) {
        for (String lang : Labels.LANGUAGES) {
            for (Finding f : localizer.localize(a, lang).findings()) {
                String text = f.title() + " | " + f.explanation() + " | " + f.remediation();
                if (text.contains("(not given)") || text.contains("(chưa nêu)")) {
                    problems.add(name + " " + f.ruleId() + " " + lang + ": a placeholder without its fact: " + text);
                }
                var m = PATH.matcher(text.replaceAll("https?://\\S+", ""));
                if (m.find()) {
                    problems.add(name + " " + f.ruleId() + " " + lang + ": quotes " + m.group() + ": " + text);
                }
            }
        }
    }
}
