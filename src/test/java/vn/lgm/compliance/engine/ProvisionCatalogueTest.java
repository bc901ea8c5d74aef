package vn.lgm.compliance.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * rules/provisions.yaml accounts for the project's own copy of the law catalogue: the provisions of docs/law/provisions.md
 * (the tables of its section 2, ids A1…H24) and of docs/law/obligations.md §1.1 (O1…O14) are the register's catalogue
 * ids, in the same order, each with the catalogue's citation word for word; every other id of the register is one the
 * project added (X…), for a provision the catalogue names without an id of its own.
 */
class ProvisionCatalogueTest {

    static final Path PROVISIONS = Path.of("docs/law/provisions.md");
    static final Path OBLIGATIONS = Path.of("docs/law/obligations.md");

    /** A row of a catalogue table: | id | … |. */
    private static final Pattern ROW = Pattern.compile("(?m)^\\| ([A-HO]\\d+) \\|(.*)$");

    @Test
    void theRegisterListsTheCataloguesProvisionsInItsOrderWithItsCitations() throws IOException {
        Map<String, String> catalogue = catalogue(Files.readString(PROVISIONS), Files.readString(OBLIGATIONS));
        assertTrue(catalogue.size() > 100, "the catalogue's provisions: " + catalogue.size());
        assertEquals(List.of(), problems(catalogue, ProvisionRegister.load(Path.of("rules/provisions.yaml")).entries()));
    }

    /** Each fault put into a copy of the register is reported. */
    @Test
    void eachDifferenceIsReported() throws IOException {
        Map<String, String> catalogue = catalogue(Files.readString(PROVISIONS), Files.readString(OBLIGATIONS));
        List<ProvisionRegister.Entry> register = ProvisionRegister.load(Path.of("rules/provisions.yaml")).entries();
        List<ProvisionRegister.Entry> missing = new ArrayList<>(register);
        missing.remove(1);
        assertEquals(List.of("A2: in the catalogue (docs/law/), not in rules/provisions.yaml"), problems(catalogue, missing));
        List<ProvisionRegister.Entry> swapped = new ArrayList<>(register);
        swapped.set(0, register.get(1));
        swapped.set(1, register.get(0));
        assertEquals(List.of("A2: out of the catalogue's order (the catalogue has A1 in its place)"), problems(catalogue, swapped));
        List<ProvisionRegister.Entry> cited = new ArrayList<>(register);
        ProvisionRegister.Entry a1 = register.get(0);
        cited.set(0, new ProvisionRegister.Entry("A1", "Law 54 Art 85a(4)", a1.status(), a1.rules(), a1.reason()));
        assertEquals(List.of("A1: rules/provisions.yaml cites 'Law 54 Art 85a(4)', the catalogue '" + catalogue.get("A1") + "'"),
                problems(catalogue, cited));
        List<ProvisionRegister.Entry> extra = new ArrayList<>(register);
        extra.add(new ProvisionRegister.Entry("B99", "Law 54 Art 1", a1.status(), a1.rules(), a1.reason()));
        assertEquals(List.of("B99: in rules/provisions.yaml, not in the catalogue (an id the project adds starts with X)"),
                problems(catalogue, extra));
    }

    /** Catalogue id → citation, in the catalogue's order: provisions.md's section 2, then obligations.md §1.1. */
    static Map<String, String> catalogue(String provisions, String obligations) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ROW.matcher(section(provisions, "## 2. ", "\n## "));
        while (m.find()) {
            out.put(m.group(1), cells(m.group(2)).get(0));
        }
        m = ROW.matcher(section(obligations, "### 1.1 ", "\n#"));
        while (m.find()) {
            out.put(m.group(1), cells(m.group(2)).get(1));   // | ID | Obligation | Provision | …
        }
        return out;
    }

    static List<String> problems(Map<String, String> catalogue, List<ProvisionRegister.Entry> register) {
        List<String> problems = new ArrayList<>();
        List<String> ids = new ArrayList<>(catalogue.keySet());
        List<String> listed = new ArrayList<>();
        for (ProvisionRegister.Entry e : register) {
            if (catalogue.containsKey(e.id())) {
                listed.add(e.id());
                if (!catalogue.get(e.id()).equals(e.citation())) {
                    problems.add(e.id() + ": rules/provisions.yaml cites '" + e.citation() + "', the catalogue '"
                            + catalogue.get(e.id()) + "'");
                }
            } else if (!e.id().startsWith("X")) {
                problems.add(e.id() + ": in rules/provisions.yaml, not in the catalogue (an id the project adds starts with X)");
            }
        }
        for (String id : ids) {
            if (!listed.contains(id)) {
                problems.add(id + ": in the catalogue (docs/law/), not in rules/provisions.yaml");
            }
        }
        List<String> inOrder = new ArrayList<>(ids);
        inOrder.retainAll(listed);
        for (int i = 0; i < listed.size() && problems.isEmpty(); i++) {
            if (!listed.get(i).equals(inOrder.get(i))) {
                problems.add(listed.get(i) + ": out of the catalogue's order (the catalogue has " + inOrder.get(i) + " in its place)");
            }
        }
        return problems;
    }

    /** From the heading to the next line that starts with {@code next}. */
    private static String section(String text, String heading, String next) {
        int start = text.indexOf("\n" + heading);
        assertTrue(start >= 0, "the catalogue has a section '" + heading + "'");
        int end = text.indexOf(next, start + 1);
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static List<String> cells(String rest) {
        List<String> out = new ArrayList<>();
        for (String c : rest.split("\\|")) {
            out.add(c.strip());
        }
        return out;
    }
}
