package vn.lgm.compliance.contract.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.junit.jupiter.api.Test;


/**
 * Input is read as written (issue #12): every coercion Jackson would make and every range the contract sets is a
 * 400-style error at its path, in the contract's words, never a Java type name.
 */
class StrictInputTest {

    private static InputError only(String json, boolean yaml) {
        List<InputError> errors = (yaml ? ProjectReader.yaml() : ProjectReader.json()).read(json).errors();
        assertEquals(1, errors.size(), json + " -> " + errors);
        InputError e = errors.get(0);
        assertFalse(e.message().matches(".*\\b(java|vn\\.lgm|ArrayList|LinkedHashMap)\\b.*"), "no Java type name: " + e.message());
        return e;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            number as enum (stage 3)           | {"id":"P","stage":3}                                   | stage                         | expected one of [PROPOSAL
            number as enum (mineral 7)         | {"id":"P","minerals":[{"name":7}]}                     | minerals[0].name              | found the number 7
            number as boolean (0)              | {"id":"P","site":{"offshore":0}}                       | site.offshore                 | expected true or false
            number as boolean (2)              | {"id":"P","environment":{"eiaApproved":2}}             | environment.eiaApproved       | found the number 2
            text as boolean                    | {"id":"P","site":{"offshore":"yes"}}                   | site.offshore                 | found 'yes'
            number as date                     | {"id":"P","assessmentDate":20260301}                   | assessmentDate                | expected a date as text
            number as text                     | {"id":"P","name":5}                                    | name                          | expected text, found the number 5
            text as number                     | {"id":"P","site":{"areaKm2":"1.5"}}                    | site.areaKm2                  | expected a number, found '1.5'
            fraction as whole number           | {"id":"P","licence":{"extensionCount":1.5}}            | licence.extensionCount        | expected a whole number
            text as list                       | {"id":"P","activities":"EXPORT"}                       | activities                    | expected a list
            text as object                     | {"id":"P","site":"Lào Cai"}                            | site                          | expected an object
            duplicate key                      | {"id":"P","stage":"PROPOSAL","stage":"OPERATING"}      | stage                         | is given twice
            trailing object                    | {"id":"P"} {"id":"Q"}                                  | $                             | content after the end
            trailing text                      | {"id":"P"} x                                           | $                             | line 1
            percentage over 100                | {"id":"P","proponent":{"foreignOwnershipPercent":150}} | proponent.foreignOwnershipPercent | from 0 to 100, found 150
            negative percentage                | {"id":"P","exports":[{"treoPercent":-1}]}              | exports[0].treoPercent        | from 0 to 100
            negative area                      | {"id":"P","site":{"areaKm2":-0.5}}                     | site.areaKm2                  | 0 or more, found -0.5
            negative amount                    | {"id":"P","finance":{"totalInvestment":-1}}            | finance.totalInvestment       | 0 or more
            infinite number                    | {"id":"P","finance":{"ownersEquity":1e309}}            | finance.ownersEquity          | finite number
            expiry before issue                | {"id":"P","licence":{"issuedOn":"2025-01-02","expiresOn":"2025-01-01"}} | licence.expiresOn | before the issue date
            unknown field holding a list       | {"id":"P","sitee":[1,2,3]}                             | sitee                         | unknown field 'sitee'
            unknown field holding an object    | {"id":"P","minerals":[{"name":"COAL","grade":{"x":1}}]} | minerals[0].grade            | unknown field 'grade'
            derived field is not input         | {"id":"P","proponent":{"foreign":true}}                | proponent.foreign             | unknown field 'foreign'
            """)
    void jsonIsReadAsWritten(String what, String json, String path, String message) {
        InputError e = only(json, false);
        assertEquals(path, e.path(), what);
        assertTrue(e.message().contains(message), what + ": " + e.message());
    }

    @Test
    void yamlToo() {
        InputError second = only("id: P\n---\nid: Q\n", true);
        assertTrue(second.message().contains("one YAML document describes one project"), second.message());
        assertEquals("stage", only("id: P\nstage: 3\n", true).path());
        assertEquals("id", only("id: P\nid: Q\n", true).path());
    }

    @Test
    void everyProblemIsListedNotJustTheFirst() {
        List<InputError> errors = ProjectReader.json().read(
                "{\"id\":\"P\",\"stage\":3,\"site\":{\"areaKm2\":\"big\",\"offshore\":2},\"name\":5,\"proponent\":{\"foreignOwnershipPercent\":150}}").errors();
        assertEquals(List.of("name", "proponent.foreignOwnershipPercent", "site.areaKm2", "site.offshore", "stage"),
                errors.stream().map(InputError::path).sorted().toList(), errors.toString());
    }

    @Test
    void aListPastTheCapIsRefusedAtTheFirstEntryPastIt() {
        String exports = "{\"id\":\"P\",\"exports\":[" + "{},".repeat(99_999) + "{}]}";
        InputError e = only(exports, false);
        assertEquals("exports[100]", e.path());
        assertTrue(e.message().contains("100000 entries; at most 100"), e.message());
    }
}
