package vn.lgm.compliance.contract.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.lgm.compliance.contract.model.Project;

class ProjectReaderTest {

    private static List<String> paths(ProjectReader.Result r) {
        return r.errors().stream().map(InputError::path).toList();
    }

    @Test
    void everyProblemIsListedWithItsPath() {
        ProjectReader.Result r = ProjectReader.json().read("""
                {"id": "P-1", "stage": "DREAMING", "colour": "red",
                 "minerals": [{"name": "RARE_EARTH"}, {"name": "RARE-EARTH", "radioactive": "maybe"}],
                 "site": {"areaKm2": "big", "offshore": false},
                 "licence": {"issuedOn": "06/08/2021"}}
                """);
        assertFalse(r.ok());
        assertNull(r.project());
        List<String> paths = paths(r);
        assertTrue(paths.containsAll(List.of("stage", "colour", "minerals[1].name", "minerals[1].radioactive",
                "site.areaKm2", "licence.issuedOn")), paths.toString());
        InputError mineral = r.errors().stream().filter(e -> e.path().equals("minerals[1].name")).findFirst().orElseThrow();
        assertTrue(mineral.message().contains("'RARE-EARTH'") && mineral.message().contains("RARE_EARTH"), mineral.message());
        InputError colour = r.errors().stream().filter(e -> e.path().equals("colour")).findFirst().orElseThrow();
        assertTrue(colour.message().contains("unknown field"), colour.message());
    }

    @Test
    void anUnknownFieldIsPathedToTheFieldWhateverItsValue() throws Exception {
        String text = """
                {"id": "P-1", "sitee": {"province": "Lào Cai"}, "tags": ["a"],
                 "minerals": [{"name": "COAL", "grade": {"treo": 1}}], "site": {"owner": "x"}}
                """;
        Set<String> expected = Set.of("sitee", "tags", "minerals[0].grade", "site.owner");
        assertEquals(expected, Set.copyOf(paths(ProjectReader.json().read(text))));
        assertEquals(expected, Set.copyOf(paths(ProjectReader.json().read(vn.lgm.compliance.contract.input.Json.json().readTree(text)))));
    }

    @Test
    void idIsRequired() {
        ProjectReader.Result r = ProjectReader.json().read("{\"stage\": \"PROPOSAL\"}");
        assertEquals(List.of("id"), paths(r));
    }

    @Test
    void brokenJsonIsOneErrorWithItsLocation() {
        ProjectReader.Result r = ProjectReader.json().read("{\"id\": \"P-1\", ");
        assertEquals(1, r.errors().size());
        assertTrue(r.errors().get(0).message().contains("line 1"), r.errors().get(0).message());
    }

    @Test
    void absentFactsStayUnknown() {
        Project p = ProjectReader.json().read("{\"id\": \"P-1\", \"environment\": {\"eiaApproved\": true}}").project();
        assertEquals(Boolean.TRUE, p.environment().eiaApproved());
        assertNull(p.environment().radiationLicence(), "absent is unknown, not false");
        assertNull(p.operations().mineDesignSubmitted(), "an absent section has unknown facts");
        assertNull(p.stage());
    }

    /** An omitted list is unknown and an empty list is none: the two read apart (docs/CONTRACT.md, "Principles"). */
    @Test
    void anOmittedListStaysUnknownAndAnEmptyListMeansNone() {
        Project omitted = ProjectReader.json().read("{\"id\": \"P-1\"}").project();
        assertNull(omitted.partners());
        assertNull(omitted.exports());
        Project none = ProjectReader.json().read("{\"id\": \"P-1\", \"partners\": [], \"exports\": []}").project();
        assertEquals(List.of(), none.partners());
        assertEquals(List.of(), none.exports());
    }

    @Test
    void yamlReadsTheSameContract() {
        ProjectReader.Result r = ProjectReader.yaml().read("id: P-2\nstage: LICENSED\nminerals:\n  - name: COAL\n");
        assertTrue(r.ok(), r.errors().toString());
        assertEquals("COAL", r.project().minerals().get(0).name().name());
    }

    /** Issue #22 item 5: an omitted list is unknown (null), an empty list is none; both survive the reading. */
    @Test
    void anOmittedListStaysUnknownAndAnEmptyOneIsNone() {
        Project omitted = ProjectReader.json().read("{\"id\": \"P-1\"}").project();
        assertNull(omitted.partners());
        assertNull(omitted.exports());
        Project empty = ProjectReader.json().read("{\"id\": \"P-1\", \"partners\": [], \"exports\": []}").project();
        assertEquals(List.of(), empty.partners());
        assertEquals(List.of(), empty.exports());
    }
}
