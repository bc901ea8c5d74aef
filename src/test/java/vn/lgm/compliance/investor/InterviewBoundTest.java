package vn.lgm.compliance.investor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

import vn.lgm.compliance.contract.input.ProjectReader;

/**
 * The interview's "about N questions left (at most M)" is truthful: over random interviews — answers drawn at random
 * among each question's values, some answered "I don't know", a screen's shortcut taken at random, each screen
 * answered as a person would (a question shown only once the answer it follows leaves it open) — the questions
 * answered after each step never outnumber the M that step gave, M is never below the questions then on the screen,
 * and from the second screen on M is at most twice N; DONE comes with 0.
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
        interview = Screens.interview();
    }

    @Test
    void theQuestionsAnsweredNeverOutnumberTheBoundGivenBeforeThem() {
        Random random = new Random(20261130);
        List<String> problems = new ArrayList<>();
        int interviews = 0;
        int answered = 0;
        double estimateError = 0;
        int estimates = 0;
        for (int run = 0; run < INTERVIEWS; run++) {
            ObjectNode project = Screens.start("I-" + run, DATE.toString());
            List<String> unknown = new ArrayList<>();
            List<int[]> steps = new ArrayList<>();   // {M, N, questions on the screen, questions answered on it}
            for (int step = 0; step < 80; step++) {
                Interview.Step s = interview.next(read(project), unknown, "en");
                if (s.phase().equals("DONE")) {
                    assertEquals(0, s.remaining(), "DONE leaves nothing to ask");
                    steps.add(new int[] {0, 0, 0, 0});
                    break;
                }
                assertTrue(!s.page().questions().isEmpty(), "a step that is not DONE shows a screen");
                assertTrue(s.page().questions().size() <= Interview.PAGE_SIZE, "at most " + Interview.PAGE_SIZE + " questions a screen");
                Screens.Answered a = Screens.answer(s.page(), project, unknown, x -> random.nextInt(3) == 0,
                        q -> random.nextInt(8) == 0 ? null : answer(project, q, random));
                // the bound counts facts: a shortcut answers several at once
                steps.add(new int[] {s.remaining(), s.likely(), s.page().questions().size(), a.facts()});
                answered += a.facts();
            }
            interviews++;
            for (int t = 0; t < steps.size(); t++) {
                int after = 0;
                for (int u = t; u < steps.size(); u++) {
                    after += steps.get(u)[3];
                }
                int[] st = steps.get(t);
                if (after > st[0]) {
                    problems.add("interview " + run + ": at step " + t + " at most " + st[0] + " remained, but " + after
                            + " were answered; " + project);
                }
                if (st[2] > 0 && st[0] < Math.min(st[2], after)) {
                    problems.add("interview " + run + ": at step " + t + " the bound " + st[0] + " is below the " + st[2] + " questions on the screen");
                }
                if (t >= 1 && st[0] > 2 * st[1]) {
                    problems.add("interview " + run + ": at step " + t + " at most " + st[0] + " is more than twice about " + st[1]);
                }
                if (t >= 1 && after > 0) {
                    estimateError += Math.abs(st[1] - after) / (double) after;
                    estimates++;
                }
            }
        }
        System.out.printf("InterviewBoundTest: %d interviews, %d questions answered, likely count off by %.0f %% on average%n",
                interviews, answered, 100 * estimateError / Math.max(1, estimates));
        assertTrue(answered > interviews * 3, "the interviews asked questions: " + answered);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static vn.lgm.compliance.contract.model.Project read(ObjectNode project) {
        ProjectReader.Result r = ProjectReader.json().read(project.toString());
        assertTrue(r.ok(), () -> r.errors() + " in " + project);
        return r.project();
    }

    /** A random allowed value for the question, or null when none the reader accepts was found. */
    private static JsonNode answer(ObjectNode project, Interview.Question q, Random random) {
        for (int attempt = 0; attempt < 5; attempt++) {
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
                case "list" -> {
                    ArrayNode a = F.arrayNode();
                    if (q.allowed().isEmpty() || random.nextBoolean()) {
                        ObjectNode entry = a.addObject();
                        for (Interview.Question e : q.entry()) {
                            JsonNode v = answer(project, e, random);
                            if (v != null) {
                                entry.set(e.field().substring(e.field().lastIndexOf('.') + 1), v);
                            }
                        }
                    }
                    yield a;
                }
                case "number", "integer" -> F.numberNode(Long.parseLong(NUMBERS.get(random.nextInt(NUMBERS.size()))));
                case "date" -> F.textNode(DATE.plusDays(DAYS.get(random.nextInt(DAYS.size()))).toString());
                default -> F.textNode(q.field().endsWith("country") ? List.of("VN", "CN", "KR").get(random.nextInt(3)) : "Example");
            };
            ObjectNode copy = project.deepCopy();
            vn.lgm.compliance.engine.RelevanceGate.set(copy, q.field(), value);
            if (ProjectReader.json().read(copy.toString()).ok()) {
                return value;
            }
        }
        return null;
    }
}
