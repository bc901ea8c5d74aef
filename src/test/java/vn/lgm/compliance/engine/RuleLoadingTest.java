package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lgm.compliance.cli.Cli;
import vn.lgm.compliance.contract.model.Area;
import vn.lgm.compliance.contract.model.Outcome;
import vn.lgm.compliance.TestFiles;

class RuleLoadingTest {

    @TempDir
    Path dir;

    /** A copy of the real rules directory, to break one thing in. */
    private Path copyOfRules() throws IOException {
        return TestFiles.copyTree(Path.of("rules"), dir);
    }

    /** A copy of the rules with one file edited. */
    private Path rulesWith(String file, UnaryOperator<String> edit) throws IOException {
        Path rules = copyOfRules();
        Path path = rules.resolve(file);
        Files.writeString(path, edit.apply(Files.readString(path)));
        return rules;
    }

    /** The load error of the rules with one file edited. */
    private RuleLoadException loadError(String file, UnaryOperator<String> edit) throws IOException {
        Path rules = rulesWith(file, edit);
        return assertThrows(RuleLoadException.class, () -> RuleBase.load(rules));
    }

    @Test
    void syntaxErrorNamesFileAndLineOnOneLine() throws IOException {
        Path rules = rulesWith("export/export.drl", text -> text.replace("findings.breach(kcontext, oneOf($x.at(\"mineral\"), MineralName.RARE_EARTH), oneOf($x.at(\"product\"), Product.ORE, Product.CONCENTRATE));",
                "findings.breach(kcontext, oneOf($x.at(\"mineral\"), MineralName.RARE_EARTH), oneOf($x.at(\"product\"), Product.ORE, Product.CONCENTRATE));\nend\nrule \"broken\" when Project( stage == ) then end"));
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> RuleBase.load(rules));
        assertTrue(e.getMessage().startsWith(rules.resolve("export/export.drl") + ":"), e.getMessage());
        assertTrue(e.getMessage().matches(".*export\\.drl:\\d+: .*"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one line: " + e.getMessage());
    }

    @Test
    void ruleWithoutRequiredMetadataIsALoadError() throws IOException {
        RuleLoadException e = loadError("export/export.drl", text -> text.replace("@citation(\"LGM Art 85a(3)\") ", ""));
        assertTrue(e.getMessage().contains("rule 'Rare earths may not be exported raw'"), e.getMessage());
        assertTrue(e.getMessage().contains("@citation"), e.getMessage());
        assertTrue(e.getMessage().matches(".*export\\.drl:\\d+: .*"), e.getMessage());
    }

    @Test
    void unknownInstrumentAndBadDateAreLoadErrors() throws IOException {
        RuleLoadException e = loadError("export/export.drl", text -> text
                .replace("@citation(\"LGM Art 85a(3)\")", "@citation(\"XYZ Art 85a(3)\")")
                .replace("@inForceFrom(\"2026-01-16\")", "@inForceFrom(\"16/01/2026\")"));
        assertTrue(e.getMessage().contains("unknown instrument 'XYZ'") || e.getMessage().contains("16/01/2026"), e.getMessage());
    }

    @Test
    void unknownParameterIsALoadError() throws IOException {
        RuleLoadException e = loadError("export/export.drl",
                text -> text.replace("{param:rareEarth.treoMinimumPercent}", "{param:rareEarth.treoMinimum}"));
        assertTrue(e.getMessage().contains("unknown parameter 'rareEarth.treoMinimum'"), e.getMessage());
        assertTrue(e.getMessage().matches(".*export\\.drl:\\d+: .*"), e.getMessage());
    }

    /** A mistyped fact is stopped at load, and the message points to the project's own contract, which exists. */
    @Test
    void aFactTheModelLacksIsALoadErrorPointingToTheContract() throws IOException {
        RuleLoadException e = loadError("approval/eligibility.drl",
                text -> text.replace("isTrue(\"proponent.miningExperience\")", "isTrue(\"proponent.miningExperiences\")"));
        assertTrue(e.getMessage().matches(".*eligibility\\.drl:\\d+: a rule names the fact 'proponent.miningExperiences', .*"),
                e.getMessage());
        assertTrue(e.getMessage().contains("(see docs/CONTRACT.md and the model)"), e.getMessage());
        assertTrue(Files.exists(Path.of("docs/CONTRACT.md")), "the contract the message names");
    }

    @Test
    void aDefinitionWithoutPriorityIsALoadError() throws IOException {
        RuleLoadException e = loadError("definitions/licence.drl", text -> text.replace("    salience 100\n", ""));
        assertTrue(e.getMessage().contains("licence.drl") && e.getMessage().contains("salience"), e.getMessage());
        assertTrue(e.getMessage().contains("salience 100"), e.getMessage());
    }

    @Test
    void everyCommandStopsOnABrokenRuleFileWithOneLine() throws IOException {
        Path rules = rulesWith("export/export.drl", text -> text.replace("@citation(\"LGM Art 85a(3)\") ", ""));
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cli = Cli.commandLine();
        cli.setErr(new java.io.PrintWriter(err, true));
        for (picocli.CommandLine command : cli.getSubcommands().values()) {
            command.setErr(new java.io.PrintWriter(err, true));
        }
        int status = cli.execute("coverage", "--rules", rules.toString(), "--out", dir.resolve("coverage").toString());
        assertEquals(1, status);
        assertTrue(err.toString().startsWith("Rule error: " + rules.resolve("export/export.drl") + ":"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line: " + err);
    }

    @Test
    void duplicateRuleIdIsALoadError() throws IOException {
        RuleLoadException e = loadError("export/export.drl", text -> text.replace("@id(\"EXP-002\")", "@id(\"EXP-001\")"));
        assertTrue(e.getMessage().contains("@id EXP-001 is already used"), e.getMessage());
    }

    @Test
    void metadataIsReadOnceIntoTheCatalogue() {
        RuleBase rules = RuleBase.load(Path.of("rules"));
        RuleInfo exp001 = rules.catalogue().stream().filter(r -> r.id().equals("EXP-001")).findFirst().orElseThrow();
        assertEquals(Area.EXPORT, exp001.area());
        assertEquals(Outcome.VIOLATION, exp001.outcome());
        assertEquals("LGM", exp001.citation().instrument());
        assertEquals("85a", exp001.citation().article());
        assertEquals("3", exp001.citation().clause());
        assertEquals("Law 54/2024/QH15 as amended by Law 147/2025/QH15, Art. 85a(3)", exp001.citation().label());
        RuleInfo exp002 = rules.catalogue().stream().filter(r -> r.id().equals("EXP-002")).findFirst().orElseThrow();
        assertEquals("110a", exp002.citation().article());
        assertEquals("2", exp002.citation().clause());
        assertEquals("c", exp002.citation().point());
    }

    @Test
    void rulesVersionIsTheHashOfTheRuleFiles() throws IOException {
        Path rules = copyOfRules();
        String before = RuleBase.load(rules).version();
        assertEquals(64, before.length());
        assertEquals(before, RuleBase.load(Path.of("rules")).version(), "same files, same version");
        Path file = rules.resolve("export/export.drl");
        Files.writeString(file, Files.readString(file) + "\n// a lawyer's note\n");
        assertNotEquals(before, RuleBase.load(rules).version());
    }

    @Test
    void missingDirectoryIsNamed() {
        RuleLoadException e = assertThrows(RuleLoadException.class, () -> RuleBase.load(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }
}
