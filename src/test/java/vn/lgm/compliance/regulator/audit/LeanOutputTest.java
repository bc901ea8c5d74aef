package vn.lgm.compliance.regulator.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.engine.Assessor;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.engine.RuleBase;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Project;
import vn.lgm.compliance.texts.FindingLocalizer;
import vn.lgm.compliance.texts.Labels;

/** A lean line, expanded from the catalogue of its rules version, gives back exactly the full assessment. */
class LeanOutputTest {

    private static final ObjectMapper JSON = Json.json();

    @Test
    void everyCaseAndGeneratedProjectRebuildsExactlyFromItsLeanLine() throws Exception {
        Assessor assessor = Rules.assessor();
        RuleBase rules = assessor.rules();
        List<Project> projects = new ArrayList<>();
        for (TestCase c : new CaseLoader().loadAll(Path.of("cases"))) {
            if (c.valid()) {
                projects.add(c.project());
            }
        }
        SplittableRandom rnd = new SplittableRandom(4);
        for (int i = 0; i < 1000; i++) {
            projects.add(JSON.readValue(JSON.writeValueAsString(SyntheticProjects.project(i, rnd)), Project.class));
        }
        long fullBytes = 0;
        long leanBytes = 0;
        int asked = 0;
        FindingLocalizer texts = FindingLocalizer.of(rules);
        for (Project p : projects) {
            Assessment bare = assessor.assess(p, Assessor.Options.WITHOUT_TEXTS);
            String leanLine = JSON.writeValueAsString(LeanWriter.lean(bare));
            LeanWriter.LeanAssessment read = JSON.readValue(leanLine, LeanWriter.LeanAssessment.class);
            asked += (int) read.findings().stream().filter(f -> Boolean.TRUE.equals(f.asked())).count();
            for (String lang : Labels.LANGUAGES) {
                // a full line: the findings written for the reader, as the audit writes them
                String fullLine = JSON.writeValueAsString(texts.localize(bare, p, lang));
                assertEquals(fullLine, JSON.writeValueAsString(LeanWriter.expand(read, rules, lang, p)), p.id() + " " + lang);
                fullBytes += fullLine.length();
            }
            leanBytes += 2 * leanLine.length();
        }
        assertTrue(asked > 0, "the 'cannot be decided' form is among those rebuilt");
        assertTrue(leanBytes * 3 < fullBytes, "lean lines are much shorter: " + leanBytes + " vs " + fullBytes);
    }

    @Test
    void theRunnerWritesLeanLinesThatExpandToTheFullOnes() throws Exception {
        Assessor assessor = Rules.assessor();
        StringBuilder in = new StringBuilder();
        SplittableRandom rnd = new SplittableRandom(9);
        for (int i = 0; i < 200; i++) {
            in.append(JSON.writeValueAsString(SyntheticProjects.project(i, rnd))).append('\n');
        }
        in.append("{not json}\n");
        byte[] input = in.toString().getBytes(StandardCharsets.UTF_8);
        List<Project> projects = new ArrayList<>();
        for (String line : in.toString().lines().toList()) {
            if (line.startsWith("{\"")) {
                projects.add(vn.lgm.compliance.contract.input.ProjectReader.json().read(line).project());
            }
        }
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        ByteArrayOutputStream lean = new ByteArrayOutputStream();
        new AuditRunner(assessor, null, null).texts(FindingLocalizer.of(assessor.rules()), "vi")
                .run(Audit.open(new ByteArrayInputStream(input), false, null, vn.lgm.compliance.contract.input.Limits.DEFAULTS), full, null);
        new AuditRunner(assessor, null, null).detail(LeanWriter.Detail.LEAN)
                .run(Audit.open(new ByteArrayInputStream(input), false, null, vn.lgm.compliance.contract.input.Limits.DEFAULTS), lean, null);
        List<String> fullLines = full.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> leanLines = lean.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(fullLines.size(), leanLines.size());
        for (int i = 0; i < fullLines.size(); i++) {
            String line = leanLines.get(i);
            if (line.contains("\"errors\"")) {
                assertEquals(fullLines.get(i), line, "an error line is the same in both");
                continue;
            }
            LeanWriter.LeanAssessment read = JSON.readValue(line, LeanWriter.LeanAssessment.class);
            assertEquals(fullLines.get(i), JSON.writeValueAsString(LeanWriter.expand(read, assessor.rules(), "vi", projects.get(i))),
                    "line " + (i + 1));
            for (var f : JSON.readTree(fullLines.get(i)).path("findings")) {
                String words = f.path("explanation").asText() + " " + f.path("remediation").asText();
                assertTrue(!words.matches("(?s).*\\b(site|licence|operations|environment|proponent)\\.[a-z]+[A-Za-z]*\\b.*"),
                        "a full line names facts by their labels, in the reader's language: " + words);
            }
        }
    }
}
