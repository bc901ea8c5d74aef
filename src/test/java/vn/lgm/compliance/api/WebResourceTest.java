package vn.lgm.compliance.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import vn.lgm.compliance.texts.FormModel;
import vn.lgm.compliance.texts.Labels;
import vn.lgm.compliance.investor.CaseCatalogue;

/** The page's server side without a browser: the form covers the model, examples, parsing and the report. */
@QuarkusTest
class WebResourceTest {

    private static final Labels TEXTS = Labels.load();
    private static final FormModel FORM = new FormModel(TEXTS);

    @Test
    void everyFactOfTheModelHasAnInputWithLabelAndHelpInBothLanguages() {
        for (String lang : Labels.LANGUAGES) {
            List<String> undescribed = new ArrayList<>();
            FORM.sections(lang).forEach(s -> s.fields().stream().filter(f -> !f.described()).forEach(f -> undescribed.add(f.key())));
            assertEquals(List.of(), undescribed, "fields of the model without text in i18n/fields.yaml (" + lang + ")");
        }
        Set<String> keys = FORM.fieldsByKey("en").keySet();
        List<String> stale = TEXTS.fieldKeys().stream().filter(k -> !keys.contains(k)).toList();
        assertEquals(List.of(), stale, "texts/fields.yaml describes fields the model does not have");
        assertEquals(List.of("project", "minerals", "proponent", "partners", "site", "licence", "finance", "processing",
                "exports", "technology", "environment", "operations", "transfer"),
                FORM.sections("en").stream().map(FormModel.FormSection::key).toList(), "sections in the order an investor thinks");
    }

    @Test
    void thePageHasLabelledInputsAndThreeWayAnswers() {
        String html = given().get("/").then().statusCode(200).contentType(containsString("text/html")).extract().asString();
        for (FormModel.FormField f : FORM.fieldsByKey("en").values()) {
            String label = f.tristate() || f.multi() ? "id=\"" + f.id() + "\"" : "<label for=\"" + f.id() + "\">";
            assertTrue(html.contains(label), "no labelled input for " + f.path());
        }
        assertTrue(html.contains("id=\"f-exports-__i__-onPmExportList--unk\" value=\"\" checked"), "don't know is the default answer");
        assertTrue(html.contains("(Law: Law 54/2024/QH15 as amended by Law 147/2025/QH15, Art. 85a(3))"), "help cites the provision, written out");
        // the interview's link to the full form counts the form's inputs (it said 106 when there were 109)
        int inputs = FORM.fieldsByKey("en").size();
        assertTrue(html.contains("Or use the full form (all " + inputs + " facts)"), "the link to the full form counts its " + inputs + " inputs");
        given().get("/?lang=vi").then().statusCode(200)
                .body(containsString("(toàn bộ " + inputs + " dữ kiện)"))
                .body(containsString("<html lang=\"vi\">"))
                .body(containsString("Chưa rõ"))
                .body(containsString("Sàng lọc sơ bộ"));
    }

    @Test
    void examplesAreEveryScenarioAndBaselineCaseWithItsMergedProject() throws IOException {
        long files = 0;
        for (String folder : CaseCatalogue.FOLDERS) {
            Path dir = Path.of("cases", folder);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> walk = Files.walk(dir)) {
                    files += walk.filter(p -> p.toString().endsWith(".yaml"))
                            .filter(p -> Stream.of(dir.relativize(p).toString().split("/")).noneMatch(s -> s.startsWith("_")))
                            .count();
                }
            }
        }
        given().get("/ui/cases").then().statusCode(200)
                .body("size()", equalTo((int) files))
                .body("id", hasItem("BASE-001-pass-rare-earth-mine"))
                .body("find { it.id == 'BASE-001-pass-rare-earth-mine' }.folder", equalTo("baseline"))
                .body("find { it.id == 'BASE-001-pass-rare-earth-mine' }.title", containsString("rare-earth mine"))
                .body("find { it.id == 'BASE-001-pass-rare-earth-mine' }.narrative", containsString("separated oxide"))
                // merged onto its base: the facts come from cases/_base/rare-earth-mine.yaml
                .body("find { it.id == 'BASE-001-pass-rare-earth-mine' }.project.minerals[0].name", equalTo("RARE_EARTH"))
                .body("find { it.id == 'BASE-001-pass-rare-earth-mine' }.project.exports[0].product", equalTo("SEPARATED_OXIDE"))
                // an unknown fact stays out of the project, never false
                .body("find { it.id == 'BASE-001-pass-rare-earth-mine' }.project.operations.containsKey('explosivesPermit')", equalTo(false));
    }

    @Test
    void aPastedYamlDescriptionBecomesTheFormsJsonAndBadOnesNameTheField() {
        given().contentType("application/yaml").body(yaml("id: P-Y\nstage: PROPOSAL\nexports:\n  - {mineral: RARE_EARTH, product: ORE}\n"))
                .post("/ui/parse").then().statusCode(200)
                .body("id", equalTo("P-Y"))
                .body("exports[0].product", equalTo("ORE"))
                .body("exports[0].containsKey('onPmExportList')", equalTo(false))
                .body("containsKey('site')", equalTo(false));
        given().contentType("application/yaml").body(yaml("id: P-Y\nexports:\n  - {mineral: RARE_EARTH, product: RAW}\n"))
                .post("/ui/parse").then().statusCode(400)
                .body("errors.path", hasItem("exports[0].product"));
    }

    @Test
    void theReportIsGroupedDatedAndInVietnameseOnRequest() throws IOException {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        String html = given().contentType(ContentType.JSON).body(example).post("/ui/report?lang=vi")
                .then().statusCode(200).extract().asString();
        assertTrue(html.contains("Không tuân thủ"), "verdict in plain Vietnamese");
        assertTrue(html.contains("Không xuất khẩu thô khoáng sản đất hiếm"), "EXP-001's @titleVi");
        assertTrue(html.contains("khoản 3 Điều 85a"), "the citation, in Vietnamese");
        assertTrue(html.contains("Xuất khẩu, nhập khẩu"), "the area's Vietnamese name");
        assertTrue(html.contains("Không xuất khẩu tinh quặng"), "the remedy in Vietnamese, the product by its name");
        assertTrue(html.indexOf("id=\"top-actions\"") < html.indexOf("outcome-VIOLATION"), "top actions before the violations");
        assertTrue(html.contains("id=\"law-as-of\">01/03/2026<"), "the law's date, as a Vietnamese reader writes it");
        assertTrue(html.contains("data-focus=\""), "missing facts link back to the form");
        List<String> order = List.of("outcome-VIOLATION", "outcome-ADVISORY");
        assertTrue(html.indexOf(order.get(0)) < html.lastIndexOf(order.get(1)), "violations before advisories");

        String bad = given().contentType(ContentType.JSON).body("{\"id\":\"X\",\"stage\":\"SOON\"}").post("/ui/report")
                .then().statusCode(400).extract().asString();
        assertTrue(bad.contains("data-focus=\"stage\""), bad);
        assertTrue(bad.contains("SOON"), bad);
    }

    private static byte[] yaml(String text) {
        return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void idsFollowPaths() {
        assertEquals("f-exports-0-onPmExportList", FormModel.idOf("exports[0].onPmExportList"));
        assertEquals("exports.onPmExportList", FormModel.keyOf("exports[12].onPmExportList"));
        assertEquals("Foreign ownership percent", FormModel.humanise("foreignOwnershipPercent"));
        assertEquals(Set.of("en", "vi"), Labels.LANGUAGES.stream().collect(Collectors.toSet()));
    }
}
