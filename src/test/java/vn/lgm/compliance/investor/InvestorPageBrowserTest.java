package vn.lgm.compliance.investor;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The investor page in a real browser: Debian's headless Chromium driven through /usr/bin/chromedriver. Paths to
 * both are given explicitly, so Selenium Manager is never asked to find or download anything. Without the browser
 * the tests are skipped on a developer machine (with a loud message) and fail under CI=true.
 * Screenshots and the printed PDF go to target/screenshots/.
 */
@QuarkusTest
class InvestorPageBrowserTest {

    /** Debian's paths; -Dchromium.path / -Dchromedriver.path override them (e.g. to check the skip message). */
    static final Path CHROMIUM = Path.of(System.getProperty("chromium.path", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.path", "/usr/bin/chromedriver"));
    static final Path SHOTS = Path.of("target", "screenshots");
    static final String INSTALL = "apt-get update && apt-get install -y chromium chromium-driver";

    static ChromeDriver driver;
    static Path profile;
    static WebDriverWait wait;
    static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL url;

    @BeforeAll
    static void startBrowser() throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            String message = "Browser tests need Debian's Chromium and its driver (" + CHROMIUM + ", " + CHROMEDRIVER
                    + "), which are missing. Install them as root: " + INSTALL;
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail(message + " (CI=true: failing instead of skipping)");
            }
            System.err.println("\n" + "!".repeat(100) + "\n!!! SKIPPING THE BROWSER TESTS. " + message + "\n" + "!".repeat(100) + "\n");
            Assumptions.abort(message);
        }
        Files.createDirectories(SHOTS);
        profile = Files.createTempDirectory("lgm-chromium-profile-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--lang=en-US", "--window-size=1280,1000",
                "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        // Waits are for conditions, never fixed sleeps; the bound only ends a test whose page is broken, and is generous
        // enough that a busy machine cannot reach it (no test may fail from load alone).
        wait = new WebDriverWait(driver, Duration.ofMinutes(10));
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @BeforeEach
    void freshPage() {
        driver.manage().window().setSize(new Dimension(1280, 1000));
        // Cleared on a page of the same origin where the page's script does not run: cleared on the page itself, a step of
        // the previous test's interview still under way could save its answers again before the next load.
        driver.get(url.toString() + "q/health/live");
        js("sessionStorage.clear();");
        driver.get(url.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-minerals-0-name")));
        // the interview's first screen is in place, so the page no longer shifts under a click
        wait.until(d -> js("return document.getElementById('interview-screen').getAttribute('data-phase');") != null);
    }

    @Test
    void rareEarthConcentrateExportIsNonCompliantWithCitationAndRemedy() throws Exception {
        type("f-id", "P-WEB-001");
        type("f-name", "Rare-earth concentrate export proposal");
        js("const d = document.getElementById('f-assessmentDate'); d.value = '2026-03-01';"); // locale-free date entry
        select("f-stage", "PROPOSAL");
        for (String activity : List.of("EXPLOITATION", "PROCESSING", "EXPORT")) {
            tick("f-activities--" + activity);
        }
        select("f-minerals-0-name", "RARE_EARTH");
        click("f-minerals-0-radioactive--yes");
        openSection("proponent");
        select("f-proponent-legalForm", "VN_ENTERPRISE");
        click("add-exports");
        select("f-exports-0-mineral", "RARE_EARTH");
        select("f-exports-0-product", "CONCENTRATE");
        type("f-exports-0-treoPercent", "60");
        click("f-exports-0-meetsMoitStandard--no");
        // onPmExportList stays "don't know"
        shot("form-laptop.png");

        JsonNode sent = JSON.readTree((String) js("return JSON.stringify(window.lgm.collect());"));
        assertEquals("PROPOSAL", sent.path("stage").asText());
        assertEquals("[\"EXPLOITATION\",\"PROCESSING\",\"EXPORT\"]", sent.path("activities").toString());
        JsonNode export = sent.path("exports").path(0);
        assertEquals(false, export.path("meetsMoitStandard").booleanValue(), "a 'no' is sent as false");
        assertFalse(export.has("onPmExportList"), "a 'don't know' must be left out, not sent as false: " + export);
        assertFalse(sent.has("site"), "a section with no answer is left out: " + sent);
        assertEquals(60.0, export.path("treoPercent").doubleValue());

        click("assess");
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        assertEquals("Not compliant", verdict.getText());
        WebElement exp001 = driver.findElement(By.id("finding-EXP-001"));
        assertTrue(exp001.getText().contains("Rare earths may not be exported raw"), exp001.getText());
        assertTrue(exp001.findElement(By.cssSelector(".badge")).getText().contains("Violation"));
        assertTrue(exp001.findElement(By.cssSelector(".citation")).getText().contains("Art. 85a(3)"));
        assertTrue(exp001.findElement(By.cssSelector(".remediation")).getText().contains("Do not export the concentrate"));
        // the full reasoning is folded; its facts carry labels, not paths
        String facts = exp001.findElement(By.cssSelector(".facts")).getAttribute("textContent");
        assertTrue(facts.contains("Product exported (export 1)") && !facts.contains("exports[0]"), facts);
        assertEquals("2026-03-01", driver.findElement(By.id("law-as-of")).getText());
        assertEquals("I", driver.findElement(By.id("derived-groups")).getText());
        assertEquals("Special strategic mineral", driver.findElement(By.id("derived-strategic")).getText());
        assertEquals("The Minister (MoAE)", driver.findElement(By.id("derived-authority")).getText());
        // verdict and top actions first, then violations, steps to take, open questions, advisories
        List<String> outcomes = driver.findElements(By.cssSelector(".report .finding")).stream()
                .map(e -> e.getAttribute("class")).toList();
        assertTrue(outcomes.get(0).contains("outcome-VIOLATION"), outcomes.toString());
        assertTrue(outcomes.get(outcomes.size() - 1).contains("outcome-ADVISORY"), outcomes.toString());
        assertTrue((Boolean) js("return !!(document.getElementById('verdict').compareDocumentPosition(document.querySelector('.group-VIOLATION')) & 4);"));

        shotOf(By.id("result"), "non-compliant-rare-earth-export.png");

        // the missing-facts checklist leads back to the question in the form
        List<WebElement> checklist = driver.findElements(By.cssSelector(".missing a[data-focus]"));
        assertFalse(checklist.isEmpty(), "the proposal leaves facts unknown, so the checklist has items");
        WebElement item = checklist.get(0);
        String inputId = item.getAttribute("href").replaceAll("^.*#", "");
        String path = item.getAttribute("data-focus");
        item.click();
        String active = (String) js("return document.activeElement.id;");
        assertTrue(active.startsWith(inputId), "clicking " + path + " focuses " + inputId + ", not " + active);

        // a clean, dated report when printed: the form is not printed, the verdict and date are
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        assertFalse(driver.findElement(By.id("project-form")).isDisplayed(), "the form is not printed");
        assertTrue(driver.findElement(By.cssSelector(".report-stamp")).isDisplayed(), "the printed report is dated");
        shot("print-view.png");
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        String pdf = driver.print(new PrintOptions()).getContent();
        byte[] bytes = Base64.getDecoder().decode(pdf);
        Files.write(SHOTS.resolve("non-compliant-rare-earth-export.pdf"), bytes);
        assertTrue(bytes.length > 10_000 && new String(bytes, 0, 5).equals("%PDF-"), "a PDF report");
    }

    @Test
    void baselineScenarioLoadsIntoTheFormAndIsCompliant() throws Exception {
        select("example-select", "BASE-001-pass-rare-earth-mine");
        assertTrue(driver.findElement(By.id("example-narrative")).getText().contains("rare-earth mine"));
        click("example-load");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-status"), "BASE-001"));
        assertEquals("BASE-RE-MINE", value("f-id"));
        assertEquals("OPERATING", value("f-stage"));
        assertEquals("RARE_EARTH", value("f-minerals-0-name"));
        assertEquals("SEPARATED_OXIDE", value("f-exports-0-product"));
        assertTrue(driver.findElement(By.id("f-environment-eiaApproved--yes")).isSelected());
        assertTrue(driver.findElement(By.id("f-operations-usesExplosives--no")).isSelected());
        assertTrue(driver.findElement(By.id("f-operations-explosivesPermit--unk")).isSelected(), "not in the case: unknown");
        // The case gives partners: [] ("none"), which the form keeps apart from a list not given (issue #22 item 5).
        assertTrue(driver.findElement(By.id("none-partners")).isSelected(), "an empty list is 'none'");

        click("assess");
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        assertEquals("Compliant on every rule checked", verdict.getText());
        assertTrue(driver.findElement(By.id("finding-EXP-007")).getText().contains("Advisory"));
        assertTrue(driver.findElements(By.cssSelector(".missing")).isEmpty(), "nothing is missing");
        shotOf(By.id("result"), "baseline-BASE-001-compliant.png");
    }

    @Test
    void pastedDescriptionThenVietnameseKeepsTheAnswersAndShowsVietnameseTitles() throws Exception {
        String example = Files.readString(Path.of("examples/rare-earth-proposal.json"));
        WebElement paste = driver.findElement(By.id("paste-text"));
        paste.sendKeys(example);
        click("paste-load");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-status"), "P-001"));
        assertEquals("CONCENTRATE", value("f-exports-0-product"));
        click("assess");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        shot("english-page-laptop.png");

        driver.findElement(By.cssSelector(".langs a[data-lang=vi]")).click();
        wait.until(d -> "vi".equals(js("return document.documentElement.lang;")));
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        assertEquals("Không tuân thủ", verdict.getText());
        assertEquals("CONCENTRATE", value("f-exports-0-product"), "the answers survive the switch");
        assertEquals("Giai đoạn", driver.findElement(By.cssSelector("label[for=f-stage]")).getText());
        assertEquals("Xuất khẩu, nhập khẩu", driver.findElement(By.cssSelector("#finding-EXP-001 .area-tag")).getText());
        // explanations, remedies and citations in Vietnamese: no English sentence anywhere in the report, folded parts included
        String text = (String) js("const r = document.querySelector('.report').cloneNode(true);"
                + "r.querySelectorAll('script').forEach(s => s.remove()); return r.textContent.replace(/\\s+/g, ' ');");
        assertEquals(null, vn.lgm.compliance.texts.EnglishDetector.englishSentence(text), "an English sentence in the Vietnamese report");
        assertTrue(text.contains("khoản 3 Điều 85a"), "citations in Vietnamese");

        JsonNode rules = JSON.readTree(given().get("/api/v1/rules").asString()).path("rules");
        List<WebElement> findings = driver.findElements(By.cssSelector(".finding"));
        assertFalse(findings.isEmpty());
        for (WebElement f : findings) {
            String id = f.getAttribute("data-rule");
            String titleVi = null;
            for (JsonNode r : rules) {
                if (id.equals(r.path("id").asText())) {
                    titleVi = r.path("titleVi").asText();
                }
            }
            assertEquals(titleVi, f.findElement(By.cssSelector(".finding-title")).getText(), id + " shows its @titleVi");
        }
        assertEquals("Không xuất khẩu thô khoáng sản đất hiếm",
                driver.findElement(By.cssSelector("#finding-EXP-001 .finding-title")).getText());
        shotOf(By.id("result"), "vietnamese-report.png");

        // readable on a phone: nothing wider than the screen
        driver.manage().window().setSize(new Dimension(390, 844));
        Object overflow = js("return document.documentElement.scrollWidth - window.innerWidth;");
        Object wide = js("return Array.from(document.querySelectorAll('body *')).filter(e => e.getBoundingClientRect().right > window.innerWidth + 1)"
                + ".slice(0, 5).map(e => e.tagName + '#' + e.id + '.' + e.className).join(', ');");
        assertTrue(((Number) overflow).intValue() <= 0, "no horizontal scrolling on a phone, overflow " + overflow + " from " + wide);
        shot("vietnamese-phone.png");
    }

    /**
     * An investor with a clean quarry answers the interview on the page, one screen (one topic) at a time: a shortcut
     * where the quarry agrees with every answer it gives, otherwise each question shown, a question that follows
     * another's answer appearing only once that answer leaves it open; each question shown is one the engine asks for
     * at that moment; Back shows the previous screen with its answers kept; the interview ends COMPLIANT in at most
     * 10 screens, the progress line "about N left (at most M)" holding after the first screen.
     */
    @Test
    void aCleanQuarryReachesCompliantScreenByScreenAskingOnlyWhatTheEngineAsks() throws Exception {
        JsonNode quarry = JSON.readTree(Files.readString(Path.of("examples/stone-quarry-operating.json")));
        js("window.lgm.interview().base.assessmentDate = '" + quarry.path("assessmentDate").asText() + "';");
        wait.until(d -> "START".equals(js("return document.getElementById('interview-screen').getAttribute('data-phase');")));
        List<String> asked = new java.util.ArrayList<>();
        int screens = 0;
        int boundAfterStart = -1;
        boolean wentBack = false;
        boolean switchedLanguage = false;
        for (int guard = 0; guard < 20; guard++) {
            String phase = (String) js("return document.getElementById('interview-screen').getAttribute('data-phase');");
            if ("DONE".equals(phase)) {
                break;
            }
            screens++;
            String screenNo = (String) js("return document.getElementById('interview-screen').getAttribute('data-screen');");
            List<WebElement> boxes = driver.findElements(By.cssSelector("#interview-screen [data-question]"));
            assertFalse(boxes.isEmpty(), "a screen with questions");
            assertTrue(boxes.size() <= Interview.PAGE_SIZE, "at most " + Interview.PAGE_SIZE + " questions on a screen");
            if (screens == 2) {
                boundAfterStart = Integer.parseInt(driver.findElement(By.id("interview-progress")).getAttribute("data-remaining"));
                int likely = Integer.parseInt(driver.findElement(By.id("interview-progress")).getAttribute("data-likely"));
                assertTrue(boundAfterStart <= 2 * likely, "at most " + boundAfterStart + ", about " + likely);
                assertTrue(driver.findElement(By.id("interview-progress")).getText().startsWith("About " + likely + " questions left (at most " + boundAfterStart + ")"),
                        driver.findElement(By.id("interview-progress")).getText());
                shot("interview-second-screen.png");
            }
            if (screens == 5 && !switchedLanguage) {
                // a language switch keeps the answers: the same screen comes again, in Vietnamese, without English
                switchedLanguage = true;
                String topic = (String) js("return document.getElementById('interview-screen').getAttribute('data-topic');");
                driver.findElement(By.cssSelector(".langs a[data-lang='vi']")).click();
                wait.until(d -> "vi".equals(js("return document.documentElement.lang;"))
                        && topic.equals(js("const s = document.getElementById('interview-screen'); return s && s.getAttribute('data-topic');")));
                String text = driver.findElement(By.id("interview")).getText();
                assertEquals(null, vn.lgm.compliance.texts.EnglishDetector.englishSentence(text), "the Vietnamese screen reads English");
                shotOf(By.id("interview"), "interview-vietnamese.png");
                driver.findElement(By.cssSelector(".langs a[data-lang='en']")).click();
                wait.until(d -> "en".equals(js("return document.documentElement.lang;"))
                        && topic.equals(js("const s = document.getElementById('interview-screen'); return s && s.getAttribute('data-topic');")));
                screens--;
                continue;
            }
            shotOf(By.id("interview"), "interview-quarry-screen-" + screens + ".png");   // each screen as a person sees it
            // what the engine asks for now: the state before this screen
            String before = (String) js("return JSON.stringify({project: window.lgm.interviewProject(), unknown: window.lgm.interviewUnknown()});");
            JsonNode page = JSON.readTree((String) js("const i = window.lgm.interview(); return JSON.stringify(i.screens[i.at].page);"));
            // a shortcut the quarry agrees with
            for (JsonNode shortcut : page.path("shortcuts")) {
                boolean agrees = true;
                for (JsonNode a : shortcut.path("answers")) {
                    agrees &= at(quarry, a.path("field").asText()).equals(a.path("value"));
                }
                if (agrees) {
                    click(driver.findElement(By.cssSelector("[data-shortcut='" + shortcut.path("id").asText() + "']")));
                    shot("interview-shortcut.png");
                }
            }
            ObjectMapper m = JSON;
            com.fasterxml.jackson.databind.node.ObjectNode state = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(before);
            for (JsonNode q : page.path("questions")) {
                String field = q.path("field").asText();
                WebElement box = driver.findElement(By.cssSelector("#interview-screen [data-question='" + field + "']"));
                if (!box.isDisplayed()) {
                    continue;   // its lead's answer left it moot
                }
                // one the engine asks for now, given the answers before it on this screen
                JsonNode step = JSON.readTree(given().contentType("application/json").body(state.toString()).post("/api/v1/interviews/next").asString());
                assertTrue(step.path("questions").findValuesAsText("field").contains(field),
                        field + " is not a question the engine asks for now: " + step.path("questions").findValuesAsText("field"));
                JsonNode answer = at(quarry, field);
                if (answer.isMissingNode()) {
                    driver.findElement(By.id(box.getAttribute("id") + "--dontknow")).click();
                    ((com.fasterxml.jackson.databind.node.ArrayNode) state.withArray("unknown")).add(field);
                } else {
                    if (!answeredAs(box, q, answer)) {
                        answer(box, field, answer);
                    }
                    vn.lgm.compliance.engine.RelevanceGate.set((com.fasterxml.jackson.databind.node.ObjectNode) state.path("project"), field,
                            m.convertValue(answer, Object.class));
                }
                asked.add(field);
            }
            if (screens == 3 && !wentBack) {
                // Back keeps the answers: the second screen comes again as it was answered, and Next returns here
                wentBack = true;
                click("interview-next");
                wait.until(d -> !screenNo.equals(js("return document.getElementById('interview-screen').getAttribute('data-screen');")));
                String fourth = (String) js("return document.getElementById('interview-topic').textContent;");
                click("interview-back");
                wait.until(d -> screenNo.equals(js("return document.getElementById('interview-screen').getAttribute('data-screen');")));
                for (JsonNode q : page.path("questions")) {
                    WebElement box = driver.findElement(By.cssSelector("#interview-screen [data-question='" + q.path("field").asText() + "']"));
                    if (box.isDisplayed() && !at(quarry, q.path("field").asText()).isMissingNode()) {
                        assertTrue(answeredAs(box, q, at(quarry, q.path("field").asText())), q.path("field").asText() + " kept after Back");
                    }
                }
                shot("interview-back.png");
                click("interview-next");
                wait.until(d -> fourth.equals(js("return document.getElementById('interview-topic').textContent;")));
                continue;
            }
            click("interview-next");
            wait.until(d -> !screenNo.equals(js("return document.getElementById('interview-screen').getAttribute('data-screen');"))
                    || "DONE".equals(js("return document.getElementById('interview-screen').getAttribute('data-phase');")));
        }
        assertTrue(driver.findElement(By.id("interview-done")).isDisplayed(), "the interview ends");
        WebElement verdict = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("verdict")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Compliant"));
        assertEquals("Compliant on every rule checked", verdict.getText());
        assertTrue(driver.findElement(By.id("report-h")).getText().contains("Construction stone · Mining · Operating"),
                "the report is titled by the project: " + driver.findElement(By.id("report-h")).getText());
        // the page takes the screens the API takes answered the same way (a follower shown once its lead is answered)
        int throughApi = InterviewScreensTest.walk("quarry", quarry).screens();
        assertEquals(throughApi, screens, "the page took " + screens + " screens, the API " + throughApi);
        assertTrue(screens <= 10, screens + " screens");
        assertTrue(asked.size() - 4 <= boundAfterStart, asked.size() - 4 + " questions after the first screen, more than the "
                + boundAfterStart + " it said at most: " + asked);
        shot("interview-quarry-compliant.png");
    }

    /** Whether a question's inputs already show this answer (a shortcut filled them, or Back kept them). */
    private static boolean answeredAs(WebElement box, JsonNode q, JsonNode value) {
        String id = box.getAttribute("id");
        return switch (q.path("type").asText()) {
            case "boolean" -> driver.findElement(By.id(id + "--" + value.asBoolean())).isSelected();
            case "enum", "number", "integer", "date", "text" -> value.asText().equals(driver.findElement(By.id(id + "--input")).getAttribute("value"))
                    || value.isNumber() && !driver.findElement(By.id(id + "--input")).getAttribute("value").isEmpty()
                    && value.asDouble() == Double.parseDouble(driver.findElement(By.id(id + "--input")).getAttribute("value"));
            default -> false;
        };
    }

    private static void click(WebElement e) {
        js("arguments[0].scrollIntoView({block: 'center'});".replace("arguments[0]", "document.querySelector('[data-shortcut=\"" + e.getAttribute("data-shortcut") + "\"]')"));
        e.click();
    }

    /** A rare-earth concentrate export: the smallest change is to process to a listed deep-processed product. */
    @Test
    void rareEarthExportGetsItsCounterfactualAndApplyingItLosesTheViolations() throws Exception {
        driver.findElement(By.id("paste-text")).sendKeys(Files.readString(Path.of("examples/rare-earth-proposal.json")));
        click("paste-load");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-status"), "P-001"));
        click("assess");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Not compliant"));
        String fix = driver.findElement(By.cssSelector("#finding-EXP-001 .counterfactual")).getText();
        assertTrue(fix.contains("Product exported (export 1): Concentrate → Mixed carbonate"), fix);
        String plan = driver.findElement(By.id("top-actions")).getText();
        assertTrue(plan.contains("Product exported (export 1): Concentrate →"), plan);
        assertTrue(plan.contains("On the Prime Minister's export list? (export 1): no → yes"), plan);
        assertTrue(plan.contains("Meets MOIT's deep-processing standard? (export 1): no → yes"), plan);
        shotOf(By.id("result"), "counterfactual-rare-earth-export.png");

        click("apply-plan");
        wait.until(d -> !"NON_COMPLIANT".equals(js("const r = document.querySelector('.report'); return r && r.getAttribute('data-verdict');")));
        assertTrue(driver.findElements(By.cssSelector(".report .outcome-VIOLATION")).isEmpty(), "no violation left");
        assertEquals("MIXED_CARBONATE", value("f-exports-0-product"), "the form carries the change");
        shotOf(By.id("result"), "counterfactual-applied.png");
    }

    /** The shareable link reproduces the report; printed, the contract's example fits in three pages. */
    @Test
    void thePrintedReportOfTheContractsExampleIsAtMostThreePages() throws Exception {
        String json = JSON.readTree(Files.readString(Path.of("examples/rare-earth-proposal.json"))).toString();
        String d = Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        driver.get(url.toString() + "report?lang=en&d=" + d);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), "Not compliant"));
        assertTrue(driver.findElement(By.id("share-link")).getAttribute("href").contains("d=" + d), "the page links to itself");
        PrintOptions options = new PrintOptions();
        options.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0)); // A4, portrait (height, width in cm)
        byte[] pdf = Base64.getDecoder().decode(driver.print(options).getContent());
        Files.write(SHOTS.resolve("rare-earth-proposal-report.pdf"), pdf);
        int pages = pages(pdf);
        assertTrue(pages >= 1 && pages <= 3, "the printed report runs to " + pages + " pages");
        shot("shared-report.png");
    }

    @Test
    void aBadPastedDescriptionNamesTheField() {
        driver.findElement(By.id("paste-text")).sendKeys("id: P-BAD\nstage: SOON\n");
        click("paste-load");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-status"), "stage"));
        assertTrue(driver.findElement(By.id("start-status")).getText().contains("SOON"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    /** Pages of a PDF as Chrome writes it: one "/Type /Page" object per page. */
    static int pages(byte[] pdf) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Type\\s*/Page(?![s\\w])")
                .matcher(new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The value at a JSON path ("minerals[0].name") of a description. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode cur = root;
        for (String seg : path.split("\\.")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([A-Za-z][A-Za-z0-9]*)(?:\\[(\\d+)])?").matcher(seg);
            if (!m.matches()) {
                return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            }
            cur = cur.path(m.group(1));
            if (m.group(2) != null) {
                cur = cur.path(Integer.parseInt(m.group(2)));
            }
        }
        return cur;
    }

    /** Answers one interview question the way an investor would: a radio, a select, boxes or a typed value. */
    private static void answer(WebElement q, String field, JsonNode value) {
        String type = q.getAttribute("data-type");
        String id = q.getAttribute("id");
        switch (type) {
            case "boolean" -> driver.findElement(By.id(id + "--" + value.asBoolean())).click();
            case "enumList" -> value.forEach(v -> driver.findElement(By.id(id + "--" + v.asText())).click());
            case "enum" -> new Select(driver.findElement(By.id(id + "--input"))).selectByValue(value.asText());
            // a date picker's value set as a person's pick sets it: the input changes (questions that follow it then show)
            case "date" -> js("const i = document.getElementById('" + id + "--input'); i.value = '" + value.asText() + "';"
                    + " i.dispatchEvent(new Event('input', {bubbles: true})); i.dispatchEvent(new Event('change', {bubbles: true}));");
            default -> {
                WebElement input = driver.findElement(By.id(id + "--input"));
                input.clear();
                input.sendKeys(value.asText());
            }
        }
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    private static void openSection(String key) {
        js("document.getElementById('f-" + key + "').open = true;");
    }

    private static void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.clear();
        e.sendKeys(text);
    }

    private static void select(String id, String value) {
        new Select(driver.findElement(By.id(id))).selectByValue(value);
    }

    private static void click(String id) {
        WebElement e = wait.until(ExpectedConditions.elementToBeClickable(By.id(id)));
        js("arguments[0].scrollIntoView({block: 'center'});".replace("arguments[0]", "document.getElementById('" + id + "')"));
        e.click();
    }

    /** Ticks a box and waits until it is ticked (a click that a late layout shift sent elsewhere is repeated). */
    private static void tick(String id) {
        for (int attempt = 0; attempt < 3 && !driver.findElement(By.id(id)).isSelected(); attempt++) {
            click(id);
        }
        assertTrue(driver.findElement(By.id(id)).isSelected(), id + " ticked");
    }

    private static String value(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    private static void shot(String name) throws IOException {
        Files.write(SHOTS.resolve(name), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    /** A screenshot of one element, with the window tall enough to hold all of it. */
    private static void shotOf(By by, String name) throws IOException {
        Dimension before = driver.manage().window().getSize();
        long height = ((Number) js("return Math.ceil(document.documentElement.scrollHeight);")).longValue();
        driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 200, 12_000)));
        Files.write(SHOTS.resolve(name), driver.findElement(by).getScreenshotAs(OutputType.BYTES));
        driver.manage().window().setSize(before);
    }
}
