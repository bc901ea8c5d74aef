package vn.lgm.compliance.contract.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.lgm.compliance.contract.model.Project;

/**
 * Input read as written (issue 20, items 12 and 16): YAML is YAML 1.2 with its JSON schema — {@code 017} is never the
 * octal 15, {@code 0x1F} and {@code 1_000} are not numbers, {@code yes}, {@code on}, {@code No} are not booleans; a
 * date is a day, not a day with a time; a licence cannot be issued in year 1, nor after the day a licensed project is
 * assessed; a body that is not UTF-8 is refused, not repaired.
 */
class Yaml12AndDatesTest {

    private static List<InputError> yamlErrors(String yaml) {
        return ProjectReader.yaml().read(yaml).errors();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            leading zero is no octal number | site: {areaKm2: 017}            | site.areaKm2      | expected a number, found '017'
            hexadecimal is text             | site: {areaKm2: 0x1F}           | site.areaKm2      | expected a number, found '0x1F'
            underscores are text            | finance: {totalInvestment: 1_000} | finance.totalInvestment | expected a number, found '1_000'
            a dot first is text             | site: {areaKm2: .5}             | site.areaKm2      | expected a number, found '.5'
            yes is no boolean               | site: {offshore: yes}           | site.offshore     | found 'yes'
            on is no boolean                | site: {offshore: on}            | site.offshore     | found 'on'
            No is no boolean                | site: {offshore: No}            | site.offshore     | found 'No'
            True is no boolean              | site: {offshore: True}          | site.offshore     | found 'True'
            a date with a time              | 'assessmentDate: "2026-03-01T10:00:00"' | assessmentDate | found '2026-03-01T10:00:00'
            an unquoted date with a time    | assessmentDate: 2026-03-01T10:00:00Z | assessmentDate | found '2026-03-01T10:00:00Z'
            a day not in the calendar       | 'licence: {issuedOn: "2026-02-30"}' | licence.issuedOn | found '2026-02-30'
            """)
    void yaml12Refuses(String what, String yaml, String path, String message) {
        List<InputError> errors = yamlErrors("id: P\n" + yaml + "\n");
        assertEquals(1, errors.size(), what + ": " + errors);
        assertEquals(path, errors.get(0).path(), what);
        assertTrue(errors.get(0).message().contains(message), what + ": " + errors.get(0).message());
    }

    @Test
    void yaml12ReadsWhatJsonWouldRead() {
        ProjectReader.Result r = ProjectReader.yaml().read("""
                id: Y-1
                assessmentDate: 2026-03-01
                stage: LICENSED
                site: {areaKm2: 17, offshore: false, conformsToPlanning: true}
                finance: {totalInvestment: 1000, ownersEquity: 1.5e3}
                licence: {issuedOn: "2021-08-06", extensionCount: 0}
                activities: [EXPLOITATION]
                minerals:
                  - name: RARE_EARTH
                    radioactive: null
                """);
        assertTrue(r.ok(), r.errors().toString());
        Project p = r.project();
        assertEquals(17.0, p.site().areaKm2());
        assertEquals(Boolean.FALSE, p.site().offshore());
        assertEquals(1500.0, p.finance().ownersEquity());
        assertEquals(java.time.LocalDate.of(2026, 3, 1), p.assessmentDate());
        assertEquals(null, p.minerals().get(0).radioactive());
        // the same description in JSON gives the same project
        String json = "{\"id\":\"Y-1\",\"assessmentDate\":\"2026-03-01\",\"stage\":\"LICENSED\",\"site\":{\"areaKm2\":17,"
                + "\"offshore\":false,\"conformsToPlanning\":true},\"finance\":{\"totalInvestment\":1000,\"ownersEquity\":1.5e3},"
                + "\"licence\":{\"issuedOn\":\"2021-08-06\",\"extensionCount\":0},\"activities\":[\"EXPLOITATION\"],"
                + "\"minerals\":[{\"name\":\"RARE_EARTH\",\"radioactive\":null}]}";
        assertEquals(ProjectReader.json().read(json).project(), p);
    }

    @Test
    void yamlSyntaxDuplicatesAndSecondDocumentsAreRefused() {
        List<InputError> dup = yamlErrors("id: P\nstage: PROPOSAL\nstage: LICENSED\n");
        assertEquals(1, dup.size(), dup.toString());
        assertTrue(dup.get(0).message().contains("'stage' is given twice (line 3"), dup.toString());
        List<InputError> two = yamlErrors("id: P\n---\nid: Q\n");
        assertTrue(two.get(0).message().contains("one YAML document describes one project"), two.toString());
        List<InputError> bad = yamlErrors("id: P\nsite: {areaKm2: 1\n");
        assertTrue(bad.get(0).message().startsWith("not valid YAML"), bad.toString());
        assertTrue(bad.get(0).message().contains("line "), bad.toString());
        List<InputError> tag = yamlErrors("id: P\nname: !!binary aGVsbG8=\n");
        assertTrue(tag.get(0).message().contains("not plain data"), tag.toString());
        // aliases expanding past the bound (a billion laughs) are refused, not expanded
        StringBuilder laughs = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 9; i++) {
            laughs.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 5; j++) {
                laughs.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            laughs.append("]\n");
        }
        List<InputError> bomb = yamlErrors("id: P\n" + laughs);
        assertEquals("$", bomb.get(0).path(), bomb.toString());
        assertTrue(bomb.get(0).message().contains("expands to more than"), bomb.toString());
    }

    @Test
    void aDateIsADayWithinTheCentury() {
        List<InputError> time = ProjectReader.json().read("{\"id\":\"P\",\"assessmentDate\":\"2026-03-01T10:00:00\"}").errors();
        assertEquals("assessmentDate", time.get(0).path());
        assertTrue(time.get(0).message().contains("expected a date as text, YYYY-MM-DD, found '2026-03-01T10:00:00'"), time.toString());
        List<InputError> year1 = ProjectReader.json().read("{\"id\":\"P\",\"licence\":{\"issuedOn\":\"0001-01-01\"}}").errors();
        assertEquals(List.of(new InputError("licence.issuedOn", "expected a date from 1900-01-01 to 2099-12-31, found 0001-01-01")),
                year1);
        List<InputError> future = ProjectReader.json().read("{\"id\":\"P\",\"stage\":\"OPERATING\",\"assessmentDate\":\"2026-03-01\","
                + "\"licence\":{\"issuedOn\":\"2026-03-02\"}}").errors();
        assertEquals(1, future.size(), future.toString());
        assertEquals("licence.issuedOn", future.get(0).path());
        assertTrue(future.get(0).message().contains("is after the date it is assessed on, 2026-03-01"), future.toString());
        // not yet issued (an application): an issue date to come is no contradiction
        assertTrue(ProjectReader.json().read("{\"id\":\"P\",\"stage\":\"APPLICATION\",\"assessmentDate\":\"2026-03-01\","
                + "\"licence\":{\"issuedOn\":\"2026-03-02\"}}").ok());
        assertTrue(ProjectReader.json().read("{\"id\":\"P\",\"stage\":\"LICENSED\",\"assessmentDate\":\"2026-03-01\","
                + "\"licence\":{\"issuedOn\":\"2026-03-01\"}}").ok(), "issued on the day it is assessed");
    }

    @Test
    void invalidUtf8IsRefusedNotReplaced() {
        byte[] valid = "{\"id\":\"P\",\"name\":\"Mỏ đá\"}".getBytes(StandardCharsets.UTF_8);
        assertTrue(ProjectReader.json().read(valid).ok());
        byte[] bad = valid.clone();
        int at = new String(valid, StandardCharsets.UTF_8).indexOf('ỏ');
        int offset = new String(valid, 0, 0, StandardCharsets.UTF_8).length() + "{\"id\":\"P\",\"name\":\"M".length();
        bad[offset] = (byte) 0xC3;   // a lead byte followed by one that cannot continue it
        bad[offset + 1] = (byte) 0x28;
        List<InputError> errors = ProjectReader.json().read(bad).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("$", errors.get(0).path());
        assertTrue(errors.get(0).message().contains("not valid UTF-8: byte 0xC3 at offset " + offset), errors.toString());
        assertTrue(at > 0);
        List<InputError> yaml = ProjectReader.yaml().read(new byte[] {'i', 'd', ':', ' ', (byte) 0xFF}).errors();
        assertTrue(yaml.get(0).message().contains("byte 0xFF at offset 4"), yaml.toString());
        // a byte-order mark is dropped, not read as content
        byte[] bom = ("\uFEFF{\"id\":\"P\"}").getBytes(StandardCharsets.UTF_8);
        assertTrue(ProjectReader.json().read(bom).ok());
    }
}
