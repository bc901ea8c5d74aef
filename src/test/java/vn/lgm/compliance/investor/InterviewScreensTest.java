package vn.lgm.compliance.investor;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectTree;

/**
 * Seven typical projects interviewed through {@code POST /api/v1/interviews/next}, each screen ({@code page}) answered
 * from a full favourable description as a person would (a shortcut when the description agrees with every answer it
 * gives, "I don't know" where the description is silent): few screens and questions, none of more than eight
 * questions, the verdict and findings of the full description, the exporter's violation early, and a progress line
 * that holds. The figures are docs/WEB.md's table, which this test checks.
 */
@QuarkusTest
class InterviewScreensTest {

    /** The typical projects: a name for the table, and the full favourable description. */
    static final Map<String, String> PROJECTS = new java.util.LinkedHashMap<>();

    static {
        PROJECTS.put("Quarry (operating, construction stone)", "examples/stone-quarry-operating.json");
        PROJECTS.put("River sand (operating, river bed)", "examples/interview/river-sand.json");
        PROJECTS.put("Rare-earth mine (application)", "examples/interview/rare-earth-mine-application.json");
        PROJECTS.put("Copper exploration (licensed)", "examples/interview/copper-exploration.json");
        PROJECTS.put("Rare-earth separation plant (operating)", "examples/interview/rare-earth-separation-plant.json");
        PROJECTS.put("Group IV fill (operating)", "examples/interview/group-iv-fill.json");
        PROJECTS.put("Rare-earth exporter, 40 % foreign (proposal)", "examples/interview/rare-earth-exporter.json");
    }

    static final String EXPORTER = "Rare-earth exporter, 40 % foreign (proposal)";
    private static final ObjectMapper MAPPER = Json.json().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** One interview: screens, questions answered (a shortcut is one), facts stated, and what each step said. */
    record Walk(String name, int screens, int questions, int facts, String verdict, List<String> findings,
                int firstViolationScreen, List<int[]> steps) {
    }

    @Test
    void typicalProjectsFinishInFewScreensWithTheFullDescriptionsVerdictAndFindings() throws Exception {
        List<Walk> walks = new ArrayList<>();
        for (Map.Entry<String, String> p : PROJECTS.entrySet()) {
            JsonNode full = MAPPER.readTree(Files.readString(Path.of(p.getValue())));
            Walk w = walk(p.getKey(), full);
            walks.add(w);
            JsonNode assessed = MAPPER.readTree(given().contentType("application/json").body(full.toString())
                    .post("/api/v1/assessments").then().statusCode(200).extract().asString());
            assertEquals(assessed.path("verdict").asText(), w.verdict(), p.getKey() + ": the verdict of the full description");
            assertEquals(findings(assessed), w.findings(), p.getKey() + ": the findings of the full description");
            // the progress line: M never below what is then asked, and from the second screen on at most twice N
            for (int t = 0; t < w.steps().size(); t++) {
                int[] st = w.steps().get(t);
                int after = w.steps().subList(t, w.steps().size()).stream().mapToInt(s -> s[3]).sum();
                assertTrue(after <= st[0], p.getKey() + ": at step " + t + " at most " + st[0] + " questions remained, " + after + " came");
                assertTrue(t == 0 || st[0] <= 2 * st[1], p.getKey() + ": at step " + t + " at most " + st[0] + " against about " + st[1]);
                assertTrue(st[2] <= Interview.PAGE_SIZE, p.getKey() + ": a screen of " + st[2] + " questions");
            }
        }
        int[] screens = walks.stream().mapToInt(Walk::screens).sorted().toArray();
        int[] questions = walks.stream().mapToInt(Walk::questions).sorted().toArray();
        assertTrue(screens[screens.length / 2] <= 10, "median screens " + screens[screens.length / 2]);
        assertTrue(questions[questions.length / 2] <= 22, "median questions " + questions[questions.length / 2]);
        Walk exporter = walks.stream().filter(w -> w.name().equals(EXPORTER)).findFirst().orElseThrow();
        assertTrue(exporter.firstViolationScreen() > 0 && exporter.firstViolationScreen() <= 6,
                "the exporter learns of its violation on screen " + exporter.firstViolationScreen());
        String table = table(walks, screens, questions);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "interview-figures.md"), table);
        // README's interview section states the figures (its excerpt of a step is ReadmeTest's and ReadmeOutputsApiTest's)
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        assertTrue(readme.contains("the quarry reaches COMPLIANT in " + walks.get(0).screens() + " screens"), "README: the quarry reaches COMPLIANT in " + walks.get(0).screens() + " screens");
        assertTrue(readme.contains("a median of " + screens[screens.length / 2] + " screens and " + questions[questions.length / 2]
                + " questions"), "README: a median of " + screens[screens.length / 2] + " screens and "
                + questions[questions.length / 2] + " questions");
        String web = Files.readString(Path.of("docs", "WEB.md"));
        assertTrue(web.contains(table), "docs/WEB.md shows the figures of this build; put in this table (also in"
                + " target/interview-figures.md):\n" + table);
    }

    /** Answers each screen from the full description until the interview is done. */
    static Walk walk(String name, JsonNode full) throws Exception {
        ObjectNode project = Screens.start(full.path("id").asText(), full.path("assessmentDate").asText());
        List<String> unknown = new ArrayList<>();
        List<int[]> steps = new ArrayList<>();
        int screens = 0;
        int questions = 0;
        int facts = 0;
        int firstViolation = 0;
        for (int guard = 0; guard < 40; guard++) {
            ObjectNode body = F.objectNode();
            body.set("project", project);
            body.set("unknown", MAPPER.valueToTree(unknown));
            String answer = given().contentType("application/json").body(body.toString()).post("/api/v1/interviews/next")
                    .then().statusCode(200).extract().asString();
            Interview.Step step = MAPPER.readValue(answer, Interview.Step.class);
            if (firstViolation == 0 && step.verdict() != null && step.verdict().name().equals("NON_COMPLIANT")) {
                firstViolation = screens;   // the screen whose answers showed it
            }
            if (step.phase().equals("DONE")) {
                steps.add(new int[] {step.remaining(), step.likely(), 0, 0});
                List<String> found = findings(MAPPER.readTree(answer).path("assessment"));
                return new Walk(name, screens, questions, facts, step.verdict().name(), found, firstViolation, steps);
            }
            screens++;
            Screens.Answered a = Screens.answer(step.page(), project, unknown,
                    s -> s.answers().stream().allMatch(x -> agrees(full, x)), q -> valueOf(full, q));
            questions += a.questions();
            facts += a.facts();
            steps.add(new int[] {step.remaining(), step.likely(), step.page().questions().size(), a.facts()});
        }
        throw new AssertionError(name + ": the interview did not end");
    }

    /** The full description gives the value a shortcut would set. */
    private static boolean agrees(JsonNode full, Interview.Answer a) {
        JsonNode v = ProjectTree.get(full, a.field());
        return v != null && v.equals(MAPPER.valueToTree(a.value()))
                || v != null && v.isNumber() && a.value() instanceof Number n && v.asDouble() == n.doubleValue();
    }

    /** The description's answer: its value, a list's first entry (or none), or null ("I don't know"). */
    private static JsonNode valueOf(JsonNode full, Interview.Question q) {
        JsonNode v = ProjectTree.get(full, q.field());
        if (v == null || !q.type().equals("list") || v.isEmpty()) {
            return v;
        }
        ObjectNode entry = F.objectNode();
        for (Interview.Question e : q.entry()) {
            String field = e.field().substring(e.field().lastIndexOf('.') + 1);
            if (v.get(0).has(field)) {
                entry.set(field, v.get(0).get(field));
            }
        }
        ArrayNode list = F.arrayNode();
        list.add(entry);
        return list;
    }

    private static List<String> findings(JsonNode assessment) {
        List<String> out = new ArrayList<>();
        assessment.path("findings").forEach(f -> out.add(f.path("ruleId").asText() + " " + f.path("outcome").asText()));
        out.sort(null);
        return out;
    }

    /** The table docs/WEB.md shows. */
    private static String table(List<Walk> walks, int[] screens, int[] questions) {
        StringBuilder t = new StringBuilder();
        t.append("| project | verdict (= full description) | screens | questions | facts stated | after the first screen: at most / about / facts that came |\n");
        t.append("|---|---|---|---|---|---|\n");
        for (Walk w : walks) {
            int[] second = w.steps().size() > 1 ? w.steps().get(1) : new int[] {0, 0};
            int after = w.steps().subList(Math.min(1, w.steps().size()), w.steps().size()).stream().mapToInt(s -> s[3]).sum();
            t.append("| ").append(w.name()).append(" | ").append(w.verdict())
                    .append(w.firstViolationScreen() > 0 ? " (violation shown by screen " + w.firstViolationScreen() + ")" : "")
                    .append(" | ").append(w.screens()).append(" | ").append(w.questions()).append(" | ").append(w.facts())
                    .append(" | ").append(second[0]).append(" / ").append(second[1]).append(" / ").append(after).append(" |\n");
        }
        t.append("| **median** | | **").append(screens[screens.length / 2]).append("** | **")
                .append(questions[questions.length / 2]).append("** | | |\n");
        return t.toString();
    }
}
