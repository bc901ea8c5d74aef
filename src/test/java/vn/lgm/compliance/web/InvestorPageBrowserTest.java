package vn.lgm.compliance.web;

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
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
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
        driver.get(url.toString());
        js("sessionStorage.clear();");
        driver.get(url.toString());
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("f-minerals-0-name")));
    }

    @Test
    void rareEarthConcentrateExportIsNonCompliantWithCitationAndRemedy() throws Exception {
        type("f-id", "P-WEB-001");
        type("f-name", "Rare-earth concentrate export proposal");
        js("const d = document.getElementById('f-assessmentDate'); d.value = '2026-03-01';"); // locale-free date entry
        select("f-stage", "PROPOSAL");
        for (String activity : List.of("EXPLOITATION", "PROCESSING", "EXPORT")) {
            click("f-activities--" + activity);
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
        assertTrue(exp001.findElement(By.cssSelector(".remediation")).getText().contains("Do not export the CONCENTRATE"));
        assertTrue(exp001.findElement(By.cssSelector(".facts")).getText().contains("exports[0].product"));
        assertEquals("2026-03-01", driver.findElement(By.id("law-as-of")).getText());
        assertEquals("I", driver.findElement(By.id("derived-groups")).getText());
        assertEquals("Special strategic mineral", driver.findElement(By.id("derived-strategic")).getText());
        assertEquals("The Minister (MoAE)", driver.findElement(By.id("derived-authority")).getText());
        // areas in the law's order, and within an area the violations first
        List<String> outcomes = driver.findElements(By.cssSelector(".area[data-area=EXPORT] .finding")).stream()
                .map(e -> e.getAttribute("class")).toList();
        assertTrue(outcomes.get(0).contains("outcome-VIOLATION"), outcomes.toString());
        assertTrue(outcomes.get(outcomes.size() - 1).contains("outcome-ADVISORY"), outcomes.toString());

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
        assertEquals("Xuất khẩu, nhập khẩu", driver.findElement(By.cssSelector(".area[data-area=EXPORT] .area-name")).getText());
        assertTrue(driver.findElement(By.cssSelector(".findings .note")).getText().contains("chỉ có bằng tiếng Anh"));

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

    @Test
    void aBadPastedDescriptionNamesTheField() {
        driver.findElement(By.id("paste-text")).sendKeys("id: P-BAD\nstage: SOON\n");
        click("paste-load");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("start-status"), "stage"));
        assertTrue(driver.findElement(By.id("start-status")).getText().contains("SOON"));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

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
