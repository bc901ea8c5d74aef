package vn.lgm.compliance.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.lgm.compliance.contract.ContractDoc;
import vn.lgm.compliance.contract.input.Json;
import vn.lgm.compliance.contract.model.Project;

/**
 * Clean projects that should be COMPLIANT: mineral groups I–IV × issue dates on both sides of 1 July 2025,
 * 1 January 2026 and 16 January 2026 × AUCTION and NO_AUCTION_AREA × LICENSED and OPERATING, each licensed by the
 * authority competent on its issue date, every fact of the model given favourably (from cases/_base/iron-mine.yaml).
 * {@code contractOnly} keeps only the fields of docs/CONTRACT.md, to count the questions a user of the
 * contract alone is asked.
 */
public final class CleanGrid {

    public record Entry(String name, Project project) {
    }

    public static final Map<String, String> MINERALS = Map.of("I", "IRON", "II", "KAOLIN", "III", "CONSTRUCTION_STONE", "IV", "FILL_EARTH");
    public static final List<String> GROUPS = List.of("I", "II", "III", "IV");
    public static final List<LocalDate> ISSUED = List.of(LocalDate.of(2025, 6, 30), LocalDate.of(2025, 7, 1),
            LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15), LocalDate.of(2026, 1, 16),
            LocalDate.of(2026, 6, 1));

    /** The contract's fields, section by section: the keys of docs/CONTRACT.md's example description. */
    public static final Map<String, Set<String>> CONTRACT = ContractDoc.read().descriptionFieldsBySection();

    private CleanGrid() {
    }

    /** A project's verdict and the facts its assessment asks (each once, in the order its findings name them). */
    public record Asked(vn.lgm.compliance.contract.model.Verdict verdict, List<String> facts) {
    }

    /** Per project of the grid, by name: its verdict and the facts it is asked. */
    public static Map<String, Asked> questions(Assessor assessor, List<Entry> grid) {
        Map<String, Asked> out = new java.util.LinkedHashMap<>();
        for (Entry e : grid) {
            List<String> asked = new ArrayList<>();
            vn.lgm.compliance.contract.model.Assessment a = assessor.assess(e.project());
            for (vn.lgm.compliance.contract.model.Finding f : a.findings()) {
                f.missingFacts().stream().filter(m -> !asked.contains(m)).forEach(asked::add);
            }
            out.put(e.name(), new Asked(a.verdict(), List.copyOf(asked)));
        }
        return out;
    }

    public static List<Entry> projects(boolean contractOnly) {
        ObjectNode base = base();
        List<Entry> grid = new ArrayList<>();
        for (String group : GROUPS) {
            for (LocalDate issued : ISSUED) {
                for (String allocation : List.of("AUCTION", "NO_AUCTION_AREA")) {
                    for (String stage : List.of("LICENSED", "OPERATING")) {
                        ObjectNode p = base.deepCopy();
                        String name = "Group " + group + ", issued " + issued + ", " + allocation + ", " + stage;
                        p.put("id", name);
                        p.put("name", name);
                        p.put("assessmentDate", "2026-07-01");
                        p.put("stage", stage);
                        p.putArray("activities").add("EXPLOITATION");
                        p.remove("exports");
                        ObjectNode mineral = p.putArray("minerals").addObject();
                        mineral.put("name", MINERALS.get(group));
                        mineral.put("radioactive", false);
                        ObjectNode licence = (ObjectNode) p.get("licence");
                        licence.put("issuedBy", authority(group, issued));
                        licence.put("issuedOn", issued.toString());
                        licence.put("expiresOn", issued.plusYears(10).toString());
                        licence.put("allocation", allocation);
                        licence.put("auctionWonOn", issued.minusMonths(8).toString());
                        licence.put("applicationFiledOn", issued.minusMonths(2).toString());
                        if (allocation.equals("NO_AUCTION_AREA")) {
                            licence.put("noAuctionBasis", "EXPLORED_BY_APPLICANT");
                            licence.put("explorationResultsRecognisedOn", issued.minusMonths(12).toString());
                        } else {
                            licence.remove("noAuctionBasis");
                        }
                        ((ObjectNode) p.get("operations")).put("constructionStarted", stage.equals("OPERATING"));
                        ((ObjectNode) p.get("operations")).put("constructionCompleted", stage.equals("OPERATING"));
                        if (contractOnly) {
                            keepContract(p, "");
                        }
                        grid.add(new Entry(name, read(p)));
                    }
                }
            }
        }
        return grid;
    }

    /** The authority competent on the issue date: LGM Art 108 as first enacted, then as amended from 2026. */
    public static String authority(String group, LocalDate issued) {
        boolean minister = issued.isBefore(LocalDate.of(2026, 1, 1)) ? group.equals("I") || group.equals("II") : group.equals("I");
        return minister ? "MINISTER" : "PROVINCIAL_CHAIR";
    }

    private static void keepContract(JsonNode node, String section) {
        Set<String> allowed = CONTRACT.get(section);
        if (node.isArray()) {
            node.forEach(n -> keepContract(n, section));
            return;
        }
        if (!node.isObject() || allowed == null) {
            return;
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f)) {
                it.remove();
            }
        }
        node.fields().forEachRemaining(e -> {
            if (section.isEmpty()) {
                keepContract(e.getValue(), e.getKey());
            }
        });
    }

    private static ObjectNode base() {
        try {
            return (ObjectNode) Json.yaml().readTree(Path.of("cases/_base/iron-mine.yaml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Project read(ObjectNode node) {
        try {
            return Json.json().treeToValue(node, Project.class);
        } catch (IOException e) {
            throw new IllegalStateException(node.toString(), e);
        }
    }
}
