package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.TestFiles;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.input.ProjectReader;
import vn.lgm.compliance.contract.SyntheticProjects;
import vn.lgm.compliance.engine.cases.CaseLoader;
import vn.lgm.compliance.engine.cases.TestCase;
import vn.lgm.compliance.contract.model.Project;

/** The cached rule base assesses exactly as the classic single build; the cache is used only when verified. */
class RuleBaseCacheTest {

    /** One classic build and one cold build into a shared cache, for all the tests (compiling is the slow part). */
    @TempDir
    static Path shared;
    private static RuleBase classic;
    private static RuleBase cold;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildOnce() {
        classic = RuleBase.load(Path.of("rules"), RuleBaseCache.disabled());
        cold = RuleBase.load(Path.of("rules"), RuleBaseCache.at(shared.resolve("cache")));
    }

    /** A cache folder of this test's own, holding the shared cache's entries. */
    private RuleBaseCache warmCache() throws IOException {
        return RuleBaseCache.at(TestFiles.copyTree(shared.resolve("cache"), tmp.resolve("cache")));
    }

    @Test
    void everyCaseGivesTheSameAssessmentFromTheCachedBaseAsFromTheClassicBuild() throws Exception {
        RuleBase warm = RuleBase.load(Path.of("rules"), warmCache());
        assertTrue(cold.howBuilt().startsWith("compiled "), cold.howBuilt());
        assertTrue(warm.howBuilt().startsWith("all "), "the second load reads every package from the cache: " + warm.howBuilt());
        assertEquals(names(classic), names(warm));
        assertEquals(classic.version(), warm.version());

        Assessor a = new Assessor(classic);
        Assessor b = new Assessor(warm);
        // Every rule that fires, with how often, too: coverage's listener sees the same firings.
        Map<String, Integer> firedA = new TreeMap<>();
        Map<String, Integer> firedB = new TreeMap<>();
        Assessor.Options countA = new Assessor.Options(Set.of(), Map.of(), i -> firedA.merge(i.id(), 1, Integer::sum));
        Assessor.Options countB = new Assessor.Options(Set.of(), Map.of(), i -> firedB.merge(i.id(), 1, Integer::sum));
        List<TestCase> cases = new CaseLoader().loadAll(Path.of("cases")).stream().filter(TestCase::valid).toList();
        assertTrue(cases.size() > 100);
        for (TestCase c : cases) {
            assertEquals(json(a.assess(c.project(), countA)), json(b.assess(c.project(), countB)), c.id());
        }
        assertEquals(firedA, firedB);
        ProjectReader reader = ProjectReader.json();
        SplittableRandom rnd = new SplittableRandom(15);
        for (int i = 0; i < 500; i++) {
            Project p = reader.read(Json.json().writeValueAsString(SyntheticProjects.project(i, rnd))).project();
            assertEquals(json(a.assess(p)), json(b.assess(p)), p.id());
        }
    }

    @Test
    void anEntryThatCannotBeVerifiedIsCompiledAgain() throws IOException {
        RuleBaseCache cache = warmCache();
        List<Path> entries = cache.entries();
        assertFalse(entries.isEmpty());
        // One entry with a byte of its body changed, one cut short, one replaced by another's content.
        byte[] bytes = Files.readAllBytes(entries.get(0));
        bytes[bytes.length - 10] ^= 1;
        Files.write(entries.get(0), bytes);
        Files.write(entries.get(1), java.util.Arrays.copyOf(Files.readAllBytes(entries.get(1)), 200));
        Files.copy(entries.get(3), entries.get(2), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        RuleBase again = RuleBase.load(Path.of("rules"), cache);
        assertTrue(again.howBuilt().startsWith("compiled 3 of "), again.howBuilt());
        assertEquals(names(classic), names(again));
        assertTrue(RuleBase.load(Path.of("rules"), cache).howBuilt().startsWith("all "), "rewritten entries are used");
    }

    @Test
    void aChangedRuleFileRecompilesOnlyItsPackage() throws IOException {
        RuleBaseCache cache = warmCache();
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        assertTrue(RuleBase.load(rules, cache).howBuilt().startsWith("all "), "a copy of the rules has the same keys");
        Path file = rules.resolve("export/export.drl");
        Files.writeString(file, Files.readString(file).replace("Rare earths may not be exported raw",
                "Rare earths may not be exported raw (edited)"));
        RuleBase edited = RuleBase.load(rules, cache);
        assertTrue(edited.howBuilt().startsWith("compiled 1 of "), edited.howBuilt());
        assertTrue(edited.catalogue().stream().anyMatch(r -> r.name().endsWith("(edited)")));
    }

    @Test
    void aRuleThatDoesNotCompileIsReportedWithFileAndLineAndNothingIsCached() throws IOException {
        RuleBaseCache cache = warmCache();
        int entries = cache.entries().size();
        Path rules = TestFiles.copyTree(Path.of("rules"), tmp.resolve("rules"));
        Path file = rules.resolve("export/export.drl");
        Files.writeString(file, Files.readString(file) + "\nrule \"broken\" when Project( stage == ) then end\n");
        RuleLoadException e = org.junit.jupiter.api.Assertions.assertThrows(RuleLoadException.class,
                () -> RuleBase.load(rules, cache));
        assertTrue(e.getMessage().matches(".*export\\.drl:\\d+: .*"), e.getMessage());
        assertEquals(entries, cache.entries().size(), "the broken package is not cached");
    }

    private static List<String> names(RuleBase rules) {
        return rules.catalogue().stream().map(r -> r.id() + " " + r.name() + " " + r.file() + " " + r.outcome()).toList();
    }

    private static String json(Object o) throws IOException {
        return Json.json().writeValueAsString(o);
    }

}
