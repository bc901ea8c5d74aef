package vn.lgm.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.cli.Cli;
import vn.lgm.compliance.contract.input.InputErrors;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.model.Area;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Finding;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.contract.model.Verdict;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.engine.CasesTest;
import vn.lgm.compliance.engine.CleanGrid;
import vn.lgm.compliance.engine.ProvisionRegister;
import vn.lgm.compliance.engine.RuleInfo;
import vn.lgm.compliance.investor.CounterfactualSearch;
import vn.lgm.compliance.investor.Counterfactuals;
import vn.lgm.compliance.investor.Interview;
import vn.lgm.compliance.investor.InterviewBoundTest;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;

/**
 * README's numbers and outputs are the code's: every count README states in the sections about what is encoded, the
 * example request, the interview, counterfactuals, what the engine asks, the first audit and the rule cache is computed
 * here, and every output it shows there (the assessment of the contract's example, an interview step, the counterfactual
 * search, the audit of the Lào Cai follow-up register) is produced here the way the API and the command produce it.
 * README is then kept equal to them ({@link Generated}: rewritten on a developer's machine, a failure under CI when it
 * was out of date). {@code api/ReadmeOutputsApiTest} checks that the served API gives what README shows.
 * Measurements made by hand (the benchmarks, timings) are not here: README labels them with their date and machine.
 */
class ReadmeTest {

    static final Path EXAMPLE = Path.of("examples/rare-earth-proposal.json");
    static final Path QUARRY = Path.of("examples/stone-quarry-operating.json");
    static final String REGISTER = "data/lao-cai/theo-doi-phap-ly-mo-khai-thac-4-2026.csv";

    @TempDir
    static Path dir;

    static final Assessor ASSESSOR = new Assessor(CasesTest.RULES);
    static final FindingLocalizer TEXTS = FindingLocalizer.load(CasesTest.RULES);

    @Test
    void readmeSaysWhatTheCodeComputesAndShowsWhatItPrints() throws Exception {
        Readme readme = Readme.read();
        encoded(readme);
        example(readme);
        interview(readme);
        counterfactuals(readme);
        questions(readme);
        audit(readme);
        ruleCache(readme);
        settings(readme);
        Generated.keep(Readme.FILE, readme.text(), "README's numbers and outputs, ReadmeTest");
    }

    /** What is encoded: rules, areas, provisions, cases, real projects. */
    static void encoded(Readme readme) throws Exception {
        List<RuleInfo> rules = CasesTest.RULES.catalogue();
        long definitions = rules.stream().filter(RuleInfo::isDefinition).count();
        readme.numbers("the rules and areas", "What is encoded: (\\d+) rules \\((\\d+) definitions, (\\d+) findings rules\\) in the"
                + " (\\w+) areas of the contract", rules.size(), definitions, rules.size() - definitions, Readme.word(Area.values().length));
        List<ProvisionRegister.Entry> provisions = ProvisionRegister.load(Path.of("rules/provisions.yaml")).entries();
        long encoded = provisions.stream().filter(ProvisionRegister.Entry::encoded).count();
        readme.numbers("the provisions", "covering the (\\d+)\\s+provisions of `rules/provisions.yaml` \\((\\d+) encoded, (\\d+) out of scope",
                provisions.size(), encoded, provisions.size() - encoded);
        long scenarios;
        try (Stream<Path> s = Files.list(Path.of("cases/scenarios"))) {
            scenarios = s.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        readme.numbers("the cases and real projects", "pinned by (\\d+) cases\\s+including (\\w+) real projects",
                CasesTest.CASES.size(), Readme.word(scenarios));
        Matcher names = Pattern.compile("real projects \\(`cases/scenarios/`: ([^)]*)\\)").matcher(readme.text());
        assertTrue(names.find(), "README names the real projects");
        assertEquals(scenarios, names.group(1).split(",\\s*").length, "README names each real project of cases/scenarios/: " + names.group(1));
    }

    /** The contract's example as the API answers it; a malformed body's 400; the same project before Art 85a existed. */
    static void example(Readme readme) throws Exception {
        Project project = read(Files.readString(EXAMPLE));
        Assessment a = apiAssessment(project);
        List<String> others = a.findings().stream().skip(1).map(f -> f.ruleId() + " " + f.outcome()).toList();
        readme.numbers("the example's findings", "the first of its (\\d+) findings in full \\(the others: ([^)]*)\\)",
                a.findings().size(), String.join(", ", others));
        ObjectNode shown = Json.json().valueToTree(a);
        shown.put("rulesVersion", "…");
        ArrayNode first = Json.json().createArrayNode().add(shown.get("findings").get(0));
        shown.set("findings", first);
        readme.block("assessment", Readme.json(shown, 0));

        ObjectNode bad = (ObjectNode) Json.json().readTree(Files.readString(EXAMPLE));
        bad.put("stage", "SOON");
        ProjectReader.Result refused = ProjectReader.json().read(bad.toString());
        assertTrue(!refused.ok());
        readme.numbers("a malformed body's answer", "(?m)^    (\\{\"errors\":\\[.*)$",
                Json.json().writeValueAsString(new InputErrors(refused.errors())));

        assertTrue(readme.text().contains("The same project with `\"assessmentDate\": \"2025-09-01\"` carries no LGM Art 85a finding"));
        Assessment before = ASSESSOR.assess(project.withAssessmentDate(java.time.LocalDate.of(2025, 9, 1)));
        assertEquals(List.of(), before.findings().stream().filter(f -> f.citation().instrument().equals("LGM")
                && "85a".equals(f.citation().article())).map(Finding::ruleId).toList(), "no LGM Art 85a finding on 1 September 2025");
    }

    /**
     * An operating quarry after the first screen, as POST /api/v1/interviews/next answers README's request: the next
     * screen abridged to its first question and the first that follows another's answer, without the ranked list and
     * the assessment.
     */
    static void interview(Readme readme) throws Exception {
        String curl = "interviews/next -H 'Content-Type: application/json' -d '";
        int at = readme.text().indexOf(curl);
        assertTrue(at > 0, "README shows an interview request");
        JsonNode request = Json.json().readTree(readme.text().substring(at + curl.length(), readme.text().indexOf('\'', at + curl.length())));
        ObjectNode description = (ObjectNode) request.get("project");
        description.put("id", "INTERVIEW");   // as the resource does for a description without one
        List<String> unknown = new ArrayList<>();
        request.path("unknown").forEach(u -> unknown.add(u.asText()));
        Interview.Step step = new Interview(ASSESSOR, TEXTS, Labels.shared(), FormModel.shared())
                .next(read(description.toString()), unknown, "en");
        ObjectNode shown = Json.json().valueToTree(step);
        shown.remove("assessment");
        shown.remove("questions");
        ArrayNode questions = (ArrayNode) shown.path("page").path("questions");
        int follower = 1;
        for (int i = 1; i < questions.size(); i++) {
            if (!questions.get(i).path("askedIf").isNull()) {
                follower = i;
                break;
            }
        }
        ArrayNode two = Json.json().createArrayNode();
        two.add(questions.get(0));
        if (questions.size() > 1) {
            two.add(questions.get(follower));
        }
        int onScreen = questions.size();
        ((ObjectNode) shown.get("page")).set("questions", two);
        readme.block("interview-step", Readme.json(shown, 120));
        readme.numbers("the interview's screen", "abridged to two of the screen's (\\w+) questions, and without `questions`",
                Readme.word(onScreen));
        readme.numbers("the bound's random interviews", "`InterviewBoundTest` runs (\\d+)\\s+random interviews", InterviewBoundTest.INTERVIEWS);
        int inputs = FormModel.shared().sections("en").stream().mapToInt(s -> s.fields().size()).sum();
        readme.numbers("the form's inputs", "the full form has (\\d+) fields", inputs);
        assertTrue(readme.text().contains("Answered from `examples/stone-quarry-operating.json`, the quarry reaches COMPLIANT"));
        assertEquals(Verdict.COMPLIANT, ASSESSOR.assess(read(Files.readString(QUARRY))).verdict(), QUARRY.toString());
    }

    /** The counterfactual search of the contract's example, and the plan the page shows first. */
    static void counterfactuals(Readme readme) throws Exception {
        Counterfactuals c = new CounterfactualSearch(ASSESSOR).search(read(Files.readString(EXAMPLE)));
        ObjectNode shown = Json.json().valueToTree(c);
        ArrayNode findings = (ArrayNode) shown.get("findings");
        while (findings.size() > 2) {
            findings.remove(2);
        }
        readme.block("counterfactuals", Readme.json("counterfactuals", shown, 120));
        readme.numbers("the counterfactuals' findings", "abridged to two of its (\\d+)\\s+findings", c.findings().size());
        assertTrue(c.project().remaining().isEmpty() && c.project().verdictAfter() != Verdict.COMPLIANT,
                "README quotes the plan as removing everything with questions still open: " + c.project());
        readme.numbers("the plan the page shows", "these (\\d+) changes together remove every violation and every\\s+step to take;"
                + " questions still open keep the verdict at: ([^\"]+)\"", c.project().changes().size(),
                Labels.shared().ui("en", "verdict." + c.project().verdictAfter()));
    }

    /** What the engine asks: the cases, the clean grid and the questions it is asked given only the contract's fields. */
    static void questions(Readme readme) {
        readme.numbers("the cases the relevance gate reads", "\\(0 needless questions in the (\\d+) cases, in the grid below and in the three Lào Cai registers\\)",
                CasesTest.CASES.size());
        List<CleanGrid.Entry> grid = CleanGrid.projects(true);
        readme.numbers("the clean grid", "`CleanGridTest` assesses (\\d+) clean projects — mineral groups I–IV × (\\w+) issue dates",
                grid.size(), Readme.word(CleanGrid.ISSUED.size()));
        Map<String, Integer> byFact = new TreeMap<>();
        int total = 0;
        for (CleanGrid.Asked asked : CleanGrid.questions(ASSESSOR, grid).values()) {
            total += asked.facts().size();
            asked.facts().forEach(f -> byFact.merge(f, 1, Integer::sum));
        }
        readme.numbers("the questions the grid is asked", "the same (\\d+) projects are asked (\\d+) questions in all, ([\\d.]+) a project",
                grid.size(), total, String.format(java.util.Locale.ROOT, "%.1f", total / (double) grid.size()));
        // Each fact asked, with its count: "`a.b` N", or "`a.b`, `c`, `d` N each" (a short name continues the section before).
        String from = "a project:\n";
        int start = readme.text().indexOf(from, readme.text().indexOf("the same " + grid.size() + " projects are asked"));
        int end = readme.text().indexOf("The test writes", start);
        assertTrue(start > 0 && end > start, "README lists the questions by fact after the grid's total");
        String said = readme.text().substring(start, end);
        Matcher m = Pattern.compile("((?:`[\\w.]+`(?:,\\s+)?)+)\\s+(\\d+)").matcher(said);
        StringBuilder now = new StringBuilder();
        int copied = 0;
        Set<String> named = new java.util.TreeSet<>();
        while (m.find()) {
            List<String> facts = new ArrayList<>();
            String section = "";
            for (String f : m.group(1).replace("`", "").strip().split(",\\s*")) {
                String fact = f.contains(".") ? f : section + f;
                section = fact.substring(0, fact.lastIndexOf('.') + 1);
                facts.add(fact);
            }
            named.addAll(facts);
            Set<Integer> counts = new java.util.TreeSet<>();
            facts.forEach(f -> counts.add(byFact.getOrDefault(f, 0)));
            if (counts.size() != 1) {
                fail("README gives " + facts + " one count, but the grid asks them " + counts + " times");
            }
            now.append(said, copied, m.start(2)).append(counts.iterator().next());
            copied = m.end(2);
        }
        now.append(said.substring(copied));
        assertEquals(byFact.keySet(), named, "the facts the contract-only grid is asked, and those README lists");
        readme.numbers("the questions by fact", "(?s)(" + Pattern.quote(said) + ")", now.toString());
    }

    /** The audit of the Lào Cai follow-up register, as the command prints it. */
    static void audit(Readme readme) throws Exception {
        List<String> args = List.of("audit", "--as-of", "2026-04-28", "--in", REGISTER, "--out", "target/audit/follow-up.ndjson",
                "--report", "target/audit/follow-up", "--horizon", "180d");
        String command = "audit " + String.join(" ", args.subList(1, args.size()));
        assertTrue(readme.text().replaceAll("\\s*\\\\\\n\\s*", " ").contains(command), "README's command: " + command);
        List<String> withDb = new ArrayList<>(args);
        withDb.addAll(List.of("--db", "jdbc:h2:file:" + dir.resolve("audits").toAbsolutePath()));   // a first run, as in README
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = System.out;
        int status;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            status = Cli.run(withDb.toArray(String[]::new));
        } finally {
            System.setOut(out);
        }
        String text = printed.toString(StandardCharsets.UTF_8);
        System.out.print(text);
        readme.numbers("the audit's exit status", "Its real output \\(exit status (\\d+): licences break the law", status);
        assertEquals(3, status, "README explains status 3: licences break the law");
        Matcher timing = Pattern.compile("(?m)^  \\d+(?:\\.\\d+)? s, \\d+ records/s; ").matcher(text);
        assertTrue(timing.find(), "the command prints the time it took: " + text);
        readme.block("audit", timing.replaceFirst("  … s, … records/s; "));

        JsonNode report = Json.json().readTree(Path.of("target/audit/follow-up.json").toFile());
        Map<String, JsonNode> due = new LinkedHashMap<>();
        report.path("due").path("rows").forEach(r -> due.put(r.path("licence").asText(), r));
        readme.numbers("the licences coming due", "The forward look lists the (\\w+) licences whose expiry date", Readme.word(due.size()));
        // The one README quotes: its licence, its expiry date and what the rules find the day after.
        Matcher quoted = Pattern.compile("for the one recorded as mining, (\\S+), expiring (\\d+ \\w+ \\d{4}): \"([^\"]+)\"")
                .matcher(readme.text().replaceAll("\\s+", " "));
        assertTrue(quoted.find(), "README quotes one licence of the forward look");
        JsonNode row = due.entrySet().stream().filter(e -> e.getKey().startsWith(quoted.group(1))).map(Map.Entry::getValue)
                .findFirst().orElseThrow(() -> new AssertionError(quoted.group(1) + " is not in the forward look: " + due.keySet()));
        // the report writes its dates as its reader does (dd/MM/yyyy in Vietnamese)
        assertEquals(vn.lgm.compliance.texts.Labels.date(java.time.LocalDate.parse(quoted.group(2),
                java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)), report.path("lang").asText()),
                row.path("date").asText(), quoted.group(1) + "'s expiry");
        List<String> findings = new ArrayList<>();
        row.path("findings").forEach(f -> findings.add(f.asText()));
        assertTrue(findings.contains(quoted.group(3)), "README quotes what the rules find for " + quoted.group(1) + ": " + findings);

        // What README says of how the register was read: the licences breaking the law on what it records and only
        // on its empty cells, and its stopped mines, whose empty cells are not read as "not done".
        JsonNode counts = report.path("counts");
        readme.numbers("the licences breaking the law on record and on empty cells", "Of the (\\d+) licences that break the law, (\\d+)"
                + " do so on what the register records \\(a mine worked on an expired licence\\); (\\d+) only on cells",
                report.path("verdictCounts").path("NON_COMPLIANT").asLong(), counts.path("breakingOnRecord").asLong(),
                counts.path("breakingOnEmptyCellsOnly").asLong());
        readme.numbers("the register's stopped mines", "The register's (\\d+) stopped mines", counts.path("stopped").asLong());
    }

    /** The log line of a start from the rule cache: the rules and the packages. */
    static void ruleCache(Readme readme) throws Exception {
        long packages;
        try (Stream<Path> s = Files.walk(Path.of("rules"))) {
            packages = s.filter(p -> p.toString().endsWith(".drl")).map(Path::getParent).distinct().count();
        }
        readme.numbers("the start-up log line", "`Loaded (\\d+) rules … while the service started … all (\\d+) rule packages from the"
                + " cache in … ms`, or `compiled (\\d+) of (\\d+)", CasesTest.RULES.catalogue().size(), packages, packages, packages);
    }

    /** The settings README names: lean lines above a size, the coverage run's delay, the watch's quiet period. */
    static void settings(Readme readme) throws Exception {
        long mb = vn.lgm.compliance.regulator.audit.LeanWriter.LEAN_ABOVE_BYTES / (1024 * 1024);
        assertEquals(vn.lgm.compliance.regulator.audit.LeanWriter.LEAN_ABOVE_BYTES, mb * 1024 * 1024, "a whole number of MB");
        readme.numbers("when the command writes lean lines", "lean output lines by default for input over (\\d+) MB", mb);
        readme.numbers("when the audit writes lean lines", "`audit --detail lean` \\(the default for input over (\\d+) MB\\)", mb);
        java.util.Properties settings = new java.util.Properties();
        try (var in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            settings.load(in);
        }
        long delay = Long.parseLong(settings.getProperty("coverage.startup-delay-ms"));
        readme.numbers("the coverage run's delay", "in the background, from (\\d+) s after start-up \\(`coverage.startup-delay-ms`",
                seconds(delay));
        java.lang.reflect.Field quiet = vn.lgm.compliance.lawyer.RulesWatch.class.getDeclaredField("QUIET_MILLIS");
        quiet.setAccessible(true);
        readme.numbers("the watch's quiet period", "\\(the events of one write taken together, until none has come for ([\\d.]+) s\\)",
                seconds(quiet.getLong(null)));
    }

    /** Milliseconds as README writes seconds: 5000 → "5", 200 → "0.2". */
    static String seconds(long millis) {
        return java.math.BigDecimal.valueOf(millis, 3).stripTrailingZeros().toPlainString();
    }

    /** The assessment as the API answers it: assessed without texts, written in English by the reader's texts. */
    static Assessment apiAssessment(Project project) {
        return TEXTS.localize(ASSESSOR.assess(project, Assessor.Options.WITHOUT_TEXTS), project, null);
    }

    static Project read(String json) {
        ProjectReader.Result r = ProjectReader.json().read(json);
        assertTrue(r.ok(), () -> r.errors().toString());
        return r.project();
    }
}
