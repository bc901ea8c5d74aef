package vn.lgm.compliance.contract.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Facts are read and written by their contract paths, a field whose name holds a digit ({@code site.areaKm2}) too. */
class ProjectTreeTest {

    @Test
    void aPathWhoseFieldNameHoldsADigitIsReadAndWritten() {
        ObjectNode tree = ProjectTree.of(ProjectReader.json().read(
                "{\"id\": \"P\", \"site\": {\"areaKm2\": 60}, \"licence\": {\"capacityM3PerYear\": 5}}").project());
        assertEquals(60.0, ProjectTree.get(tree, "site.areaKm2").asDouble());
        assertEquals(5.0, ProjectTree.get(tree, "licence.capacityM3PerYear").asDouble());
        ObjectNode changed = ProjectTree.with(tree, "site.areaKm2", DoubleNode.valueOf(50));
        assertEquals(50.0, ProjectTree.get(changed, "site.areaKm2").asDouble());
        assertEquals(50.0, ProjectTree.project(changed).site().areaKm2());
    }
}
