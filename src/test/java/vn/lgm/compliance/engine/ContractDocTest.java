package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.ContractDoc;
import vn.lgm.compliance.contract.model.Assessment;
import vn.lgm.compliance.contract.model.Project;

/**
 * docs/CONTRACT.md is the project's own copy of the contract and says what the model is: every field of the description's
 * records is a field of the contract's example, a fact in the table of facts added by the project, or one it lists as read
 * by no rule (and none of these names a field the model lacks); every row of the table names a provision and rules that
 * exist, and each of its facts is read by a rule; the fields said to be read by no rule are read by none; the assessment's
 * example names exactly the assessment's fields; the comments name every enum value of the model and no other.
 */
class ContractDocTest {

    /** A provision: an instrument code (rules/instruments.yaml) or a law by number, then an article. */
    private static final Pattern PROVISION = Pattern.compile("\\b(?:LGM|D193|LEP|LAE|LTT|LOI|CIR23|Law \\d+(?:/\\d+)?) Arts? \\d+");
    private static final Pattern RULE_ID = Pattern.compile("\\b[A-Z]{3}-\\d{3}\\b");

    static final ContractDoc DOC = ContractDoc.read();

    @Test
    void everyFieldOfTheDescriptionIsInTheContractOrAddedWithItsProvision() {
        assertEquals(List.of(), fieldProblems(DOC));
    }

    @Test
    void everyAddedFactNamesItsProvisionAndIsRead() {
        assertFalse(DOC.addedFacts().isEmpty(), "the table of facts added by the project");
        assertEquals(List.of(), addedFactProblems(DOC));
    }

    @Test
    void theAssessmentExampleNamesEveryFieldOfTheAssessment() {
        assertEquals(new TreeSet<>(fields(Assessment.class)), new TreeSet<>(DOC.assessmentFields()),
                "the fields of the assessment (contract/model) and of docs/CONTRACT.md's example of it");
    }

    @Test
    void theCommentsNameEveryEnumValueOfTheModelAndNoOther() {
        assertEquals(List.of(), enumProblems(DOC));
    }

    /** The checks find what they are for: each fault put into a copy of the contract is reported. */
    @Test
    void eachCheckFindsTheFaultItIsFor() {
        String text = DOC.text();
        String row = text.lines().filter(l -> l.startsWith("| `proponent.miningExperience`")).findFirst().orElseThrow();
        // a fact of the model missing from the table
        assertEquals(List.of("proponent.miningExperience: a field of the model that docs/CONTRACT.md neither shows nor lists as added"),
                fieldProblems(ContractDoc.of(text.replace(row + "\n", ""))));
        // a row without its provision, and one naming a rule that does not exist
        assertEquals(List.of("[proponent.miningExperience]: the row names no provision (an instrument and an article): APP-017"),
                addedFactProblems(ContractDoc.of(text.replace(row, "| `proponent.miningExperience` | APP-017 |"))));
        assertEquals(List.of("[proponent.miningExperience]: names rule APP-917, which no rule file defines"),
                addedFactProblems(ContractDoc.of(text.replace(row, row.replace("APP-017", "APP-917")))));
        // a fact of the table that no rule reads, and a fact said to be read by none that rules read
        assertEquals(List.of("site.district: listed as a fact the engine reads, but no rule reads it"),
                addedFactProblems(ContractDoc.of(text.replace(row, row + "\n| `site.district` | APP-017 (D193 Art 110(1)) |"))));
        assertTrue(addedFactProblems(ContractDoc.of(text.replace("`site.district`, `site.commune`", "`site.underground`, `site.commune`")))
                .stream().anyMatch(p -> p.startsWith("site.underground: said to be read by no rule, but [")), "a read fact said unread");
        // a field the model does not have; an enum value the model does not have, and one left out
        assertEquals(List.of("proponent.experience: named in docs/CONTRACT.md but not a field of the model"),
                fieldProblems(ContractDoc.of(text.replace(row, row + "\n| `proponent.experience` | APP-017 (D193 Art 110(1)) |"))));
        assertEquals(List.of("values docs/CONTRACT.md names that no enum of the model has: [SOON]"),
                enumProblems(ContractDoc.of(text.replace("// PROPOSAL | APPLICATION", "// PROPOSAL | SOON | APPLICATION"))));
        assertEquals(List.of("enum values of the model that docs/CONTRACT.md does not name: [SALVAGE]"),
                enumProblems(ContractDoc.of(text.replace("EXPLOITATION | SALVAGE |", "EXPLOITATION |")
                        .replace("EXPLORATION | EXPLOITATION | SALVAGE", "EXPLORATION | EXPLOITATION"))));
    }

    /** Fields of the model the contract does not account for, and fields it names that the model lacks. */
    static List<String> fieldProblems(ContractDoc doc) {
        Set<String> model = fields(Project.class);
        Set<String> contract = doc.descriptionFields();
        Set<String> added = new LinkedHashSet<>();
        doc.addedFacts().forEach(r -> added.addAll(r.facts()));
        List<String> unread = doc.readByNoRule();
        List<String> problems = new ArrayList<>();
        for (String f : model) {
            if (!contract.contains(f) && !added.contains(f) && !unread.contains(f)) {
                problems.add(f + ": a field of the model that docs/CONTRACT.md neither shows nor lists as added");
            }
        }
        for (String f : concat(contract, added, unread)) {
            if (!model.contains(f)) {
                problems.add(f + ": named in docs/CONTRACT.md but not a field of the model");
            }
        }
        for (String f : added) {
            if (contract.contains(f)) {
                problems.add(f + ": listed as added, but a field of the contract's example");
            }
        }
        return problems;
    }

    /** Rows without a provision or naming unknown rules, facts of the table no rule reads, "unread" facts some rule reads. */
    static List<String> addedFactProblems(ContractDoc doc) {
        Map<String, Set<String>> readers = readers();
        Set<String> ids = new HashSet<>();
        CasesTest.RULES.catalogue().forEach(r -> ids.add(r.id()));
        List<String> problems = new ArrayList<>();
        for (ContractDoc.AddedFact row : doc.addedFacts()) {
            if (!PROVISION.matcher(row.readBy()).find()) {
                problems.add(row.facts() + ": the row names no provision (an instrument and an article): " + row.readBy());
            }
            Matcher m = RULE_ID.matcher(row.readBy());
            while (m.find()) {
                if (!ids.contains(m.group())) {
                    problems.add(row.facts() + ": names rule " + m.group() + ", which no rule file defines");
                }
            }
            for (String f : row.facts()) {
                if (readers.getOrDefault(f, Set.of()).isEmpty()) {
                    problems.add(f + ": listed as a fact the engine reads, but no rule reads it");
                }
            }
        }
        for (String f : doc.readByNoRule()) {
            if (!readers.getOrDefault(f, Set.of()).isEmpty()) {
                problems.add(f + ": said to be read by no rule, but " + readers.get(f) + " read it");
            }
        }
        return problems;
    }

    /** Enum values of the model the comments do not name, and values they name that the model does not have. */
    static List<String> enumProblems(ContractDoc doc) {
        Set<String> model = new TreeSet<>();
        for (Class<?> root : List.of(Project.class, Assessment.class)) {
            enums(root, new HashSet<>()).forEach(e -> {
                for (Object c : e.getEnumConstants()) {
                    model.add(((Enum<?>) c).name());
                }
            });
        }
        model.addAll(licenceRegimes());   // Derived.licenceRegime is text: the regimes the definitions derive
        Set<String> named = new TreeSet<>(doc.enumValuesNamed());
        Set<String> missing = new TreeSet<>(model);
        missing.removeAll(named);
        Set<String> unknown = new TreeSet<>(named);
        unknown.removeAll(model);
        unknown.remove("VND");   // the unit of the finance amounts
        List<String> problems = new ArrayList<>();
        if (!missing.isEmpty()) {
            problems.add("enum values of the model that docs/CONTRACT.md does not name: " + missing);
        }
        if (!unknown.isEmpty()) {
            problems.add("values docs/CONTRACT.md names that no enum of the model has: " + unknown);
        }
        return problems;
    }

    /** The values of Derived.licenceRegime: the regimes rules/definitions insert ({@code new LicenceRegime("…"}). */
    static Set<String> licenceRegimes() {
        Set<String> out = new TreeSet<>();
        Pattern regime = Pattern.compile("new LicenceRegime\\(\"([A-Z0-9_]+)\"");
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(CasesTest.RULES.dir())) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = regime.matcher(java.nio.file.Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertFalse(out.isEmpty(), "the definitions derive licence regimes");
        return out;
    }

    /** Per fact (form key), the ids of the rules whose {@code when} reads it or whose consequence can ask it. */
    static Map<String, Set<String>> readers() {
        Map<String, String> idByName = new HashMap<>();
        CasesTest.RULES.catalogue().forEach(r -> idByName.put(r.name(), r.id()));
        Map<String, Set<String>> out = new HashMap<>();
        RuleReads.of(CasesTest.RULES).forEach((name, reads) -> {
            for (String f : concat(reads.when(), reads.asks(), List.of())) {
                out.computeIfAbsent(f, k -> new TreeSet<>()).add(idByName.getOrDefault(name, name));
            }
        });
        return out;
    }

    /** Every field of a record, recursively, as form keys (a section by its name and each of its fields). */
    static Set<String> fields(Class<?> record) {
        Set<String> out = new LinkedHashSet<>();
        fields(record, "", out);
        return out;
    }

    private static void fields(Type type, String prefix, Set<String> out) {
        Class<?> raw = raw(type);
        if (List.class.isAssignableFrom(raw)) {
            fields(((ParameterizedType) type).getActualTypeArguments()[0], prefix, out);
            return;
        }
        if (!raw.isRecord()) {
            return;
        }
        for (RecordComponent c : raw.getRecordComponents()) {
            String key = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
            out.add(key);
            fields(c.getGenericType(), key, out);
        }
    }

    private static Set<Class<?>> enums(Type type, Set<Class<?>> seen) {
        Set<Class<?>> out = new LinkedHashSet<>();
        Class<?> raw = raw(type);
        if ((raw.isEnum() || raw.isRecord()) && !seen.add(raw)) {
            return out;
        }
        if (raw.isEnum()) {
            out.add(raw);
        } else if (List.class.isAssignableFrom(raw)) {
            out.addAll(enums(((ParameterizedType) type).getActualTypeArguments()[0], seen));
        } else if (raw.isRecord()) {
            for (RecordComponent c : raw.getRecordComponents()) {
                out.addAll(enums(c.getGenericType(), seen));
            }
        }
        return out;
    }

    private static Class<?> raw(Type t) {
        return t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
    }

    private static Set<String> concat(java.util.Collection<String> a, java.util.Collection<String> b, java.util.Collection<String> c) {
        Set<String> out = new LinkedHashSet<>(a);
        out.addAll(b);
        out.addAll(c);
        return out;
    }
}
