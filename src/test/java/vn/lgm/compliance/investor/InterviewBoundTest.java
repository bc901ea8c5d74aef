package vn.lgm.compliance.investor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;

/**
 * The interview's "at most N questions remain" is an upper bound: over random interviews — every start of the
 * deciding facts' combinations, answers drawn at random among each question's values, some answered "I don't know",
 * the question taken from anywhere in the ranked list — the questions actually asked after each step never outnumber
 * what that step said could remain; and DONE comes with 0.
 */
public class InterviewBoundTest {

    /** How many random interviews the test runs (README says). */
    public static final int INTERVIEWS = 60;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final LocalDate DATE = LocalDate.of(2026, 6, 1);
    private static final List<String> NUMBERS = List.of("0", "1", "5", "30", "49", "100", "1000000000", "90000000000");
    private static final List<Integer> DAYS = List.of(-3650, -400, -120, -1, 0, 1, 200, 3650);

    static Interview interview;

    @BeforeAll
    static void load() {
        vn.lgm.compliance.cli.Cli.quietLogging();
        RuleBase rules = RuleBase.load(Path.of("rules"));
        Labels texts = Labels.load();
        FormModel form = new FormModel(texts);
        interview = new Interview(new Assessor(rules), FindingLocalizer.load(rules, texts, form), texts, form);
    }

    @Test
    void theQuestionsAskedNeverOutnumberTheBoundGivenBeforeThem() {
        Random random = new Random(20261130);
        List<String> problems = new ArrayList<>();
        int interviews = 0;
        int steps = 0;
        for (int run = 0; run < INTERVIEWS; run++) {
            ObjectNode project = F.objectNode();
            project.put("id", "I-" + run);
            project.put("assessmentDate", DATE.toString());
            List<String> unknown = new ArrayList<>();
            List<Integer> bounds = new ArrayList<>();
            for (int step = 0; step < 200; step++) {
                Interview.Step s = interview.next(read(project), unknown, "en");
                bounds.add(s.remaining());
                if (s.phase().equals("DONE")) {
                    assertEquals(0, s.remaining(), "DONE leaves nothing to ask");
                    break;
                }
                assertTrue(!s.questions().isEmpty(), "a step that is not DONE asks something");
                Interview.Question q = s.questions().get(s.phase().equals("START") ? 0
                        : random.nextInt(Math.min(3, s.questions().size())));
                if (!s.phase().equals("START") && random.nextInt(8) == 0 || !answer(project, q, random)) {
                    unknown.add(q.field());
                }
                steps++;
            }
            interviews++;
            // bound at step t ≥ the questions answered from step t on (one a step)
            int last = bounds.size() - 1;
            for (int t = 0; t < bounds.size(); t++) {
                if (last - t > bounds.get(t)) {
                    problems.add("interview " + run + ": at step " + t + " at most " + bounds.get(t)
                            + " remained, but " + (last - t) + " were asked; " + project);
                    break;
                }
            }
        }
        assertTrue(steps > interviews * 3, "the interviews asked questions: " + steps);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static vn.lgm.compliance.contract.model.Project read(ObjectNode project) {
        ProjectReader.Result r = ProjectReader.json().read(project.toString());
        assertTrue(r.ok(), () -> r.errors() + " in " + project);
        return r.project();
    }

    /** Sets a random allowed value at the question's path; false if no value the reader accepts was found. */
    private static boolean answer(ObjectNode project, Interview.Question q, Random random) {
        for (int attempt = 0; attempt < 5; attempt++) {
            ObjectNode copy = project.deepCopy();
            JsonNode value = switch (q.type()) {
                case "boolean" -> F.booleanNode(random.nextBoolean());
                case "enum" -> F.textNode(q.allowed().get(random.nextInt(q.allowed().size())).value());
                case "enumList" -> {
                    ArrayNode a = F.arrayNode();
                    a.add(q.allowed().get(random.nextInt(q.allowed().size())).value());
                    if (random.nextBoolean()) {
                        a.add(q.allowed().get(random.nextInt(q.allowed().size())).value());
                    }
                    yield a;
                }
                case "number", "integer" -> F.numberNode(Long.parseLong(NUMBERS.get(random.nextInt(NUMBERS.size()))));
                case "date" -> F.textNode(DATE.plusDays(DAYS.get(random.nextInt(DAYS.size()))).toString());
                default -> F.textNode("Example");
            };
            vn.lgm.compliance.engine.RelevanceGate.set(copy, q.field(), value);
            if (ProjectReader.json().read(copy.toString()).ok()) {
                project.setAll(copy);
                return true;
            }
        }
        return false;
    }
}
