package org.hccguidance.workbench;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.hccguidance.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import java.time.Duration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The workbench in a real browser against the running service, as a clinician, a committee and an informaticist use it. */
class WorkbenchBrowserTests extends ServiceWithAdmin {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    static final String BLEEDING_PATIENT = """
            {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 50},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false},
             "risks": {"recentVaricealBleeding": true}, "molecularProfile": {"tested": true}}
            """;

    WebDriver web;
    Http http;
    final List<Runnable> restore = new ArrayList<>();

    @BeforeEach
    void signedOut() {
        web = BROWSER.driver();
        http = new Http(port);
        web.manage().deleteAllCookies();
    }

    /** Puts back every rule or scenario file a test changed, and makes the shipped rules live again. */
    @AfterEach
    void putBack() {
        restore.forEach(Runnable::run);
        restore.clear();
        http.post("/api/v1/ruleset/reload", "", ADMIN);
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void aClinicianFillsTheFormForABleedingPatientAndReadsTheSameGuidanceAsTheApi() {
        web.get(url("/workbench/guidance"));
        type("ecog", "1");
        choose("bclcStage", "C");
        type("liver.childPughScore", "5");
        type("tumour.afpNgMl", "50");
        choose("priorSystemicTherapies[0].regimen", "ATEZOLIZUMAB_BEVACIZUMAB");
        type("priorSystemicTherapies[0].line", "1");
        choose("priorSystemicTherapies[0].outcome", "PROGRESSION");
        type("progression.progressingLesions", "6");
        choose("progression.otherDiseaseControlled", "false");
        choose("risks.recentVaricealBleeding", "true");
        choose("molecularProfile.tested", "true");
        web.findElement(By.id("evaluate")).click();

        JsonNode api = http.post("/api/v1/guidance", BLEEDING_PATIENT).json();
        List<String> recommended = codes("#recommended > li");
        List<String> notRecommended = codes("#not-recommended > li");
        assertThat(recommended).isEqualTo(codesOf(api.get("recommendations")));
        assertThat(notRecommended).isEqualTo(codesOf(api.get("notRecommended")));
        // Recent variceal bleeding bars VEGF-targeting therapy: anti-CTLA-4 salvage is offered, the VEGF agents are not.
        assertThat(recommended).contains("NIVOLUMAB_IPILIMUMAB").doesNotContain("LENVATINIB", "RAMUCIRUMAB", "REGORAFENIB");
        assertThat(notRecommended).contains("LENVATINIB", "RAMUCIRUMAB", "REGORAFENIB", "CABOZANTINIB");
        assertThat(web.findElement(By.cssSelector("#not-recommended li[data-code='RAMUCIRUMAB']")).getText())
                .isEqualTo("RAMUCIRUMAB: " + reasonOf(api.get("notRecommended"), "RAMUCIRUMAB"));
        // The form keeps what was entered, so the clinician can change one value and ask again.
        assertThat(field("tumour.afpNgMl").getAttribute("value")).isEqualTo("50");
    }

    @Test
    void aValueOutOfRangeIsNamedAndNothingIsLost() {
        web.get(url("/workbench/guidance"));
        type("ecog", "7");
        type("tumour.afpNgMl", "1200");
        web.findElement(By.id("evaluate")).click();
        String problems = web.findElement(By.id("problems")).getText();
        assertThat(problems).contains("ecog");
        assertThat(web.findElements(By.id("results"))).isEmpty();
        assertThat(field("ecog").getAttribute("value")).isEqualTo("7");
        assertThat(field("tumour.afpNgMl").getAttribute("value")).isEqualTo("1200");
    }

    @Test
    void aScenarioLoadsIntoTheFormWithItsGuidance() {
        web.get(url("/workbench/guidance"));
        new Select(web.findElement(By.id("scenario"))).selectByValue("post-io/afp-400-ramucirumab");
        web.findElement(By.cssSelector("#load-scenario button")).click();
        assertThat(web.findElement(By.id("loaded-from")).getText()).contains("post-io/afp-400-ramucirumab");
        assertThat(field("tumour.afpNgMl").getAttribute("value")).isEqualTo("400");
        assertThat(codes("#recommended > li")).contains("RAMUCIRUMAB");
    }

    @Test
    void aPatientJsonFileLoadsAndIsEvaluated() throws IOException {
        Path file = TestFiles.tempDir("workbench-upload").resolve("bleeding.json");
        Files.writeString(file, BLEEDING_PATIENT);
        web.get(url("/workbench/guidance"));
        web.findElement(By.id("patientFile")).sendKeys(file.toAbsolutePath().toString());
        web.findElement(By.cssSelector("#load-file button")).click();
        new WebDriverWait(web, Duration.ofSeconds(20)).until(d -> !d.findElements(By.id("loaded-from")).isEmpty());
        assertThat(web.findElement(By.id("loaded-from")).getText()).contains("bleeding.json");
        assertThat(new Select(field("risks.recentVaricealBleeding")).getFirstSelectedOption().getAttribute("value")).isEqualTo("true");
        assertThat(codes("#recommended > li")).contains("NIVOLUMAB_IPILIMUMAB");
    }

    @Test
    void theCommitteeRunsTheSuiteAndSeesEveryScenarioPass() throws IOException {
        signIn();
        web.get(url("/workbench/scenarios"));
        web.findElement(By.id("run-suite")).click();
        long scenarioFiles;
        try (Stream<Path> walk = Files.walk(ROOT.resolve("scenarios"))) {
            scenarioFiles = walk.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(web.findElement(By.id("total-count")).getText()).isEqualTo(Long.toString(scenarioFiles));
        assertThat(web.findElement(By.id("passed-count")).getText()).isEqualTo(Long.toString(scenarioFiles));
        assertThat(web.findElement(By.id("coverage")).getText()).isEqualTo("100.0%");
        assertThat(web.findElements(By.cssSelector("#coverage-by-file tbody tr"))).hasSizeGreaterThan(20);
    }

    @Test
    void anInformaticistBreaksARuleFileReloadsAndSeesTheRefusedCandidateWithFileAndLine() throws IOException {
        Path varices = RULES.resolve("alerts/varices.drl");
        String original = Files.readString(varices);
        restore.add(() -> write(varices, original));
        long lines = original.lines().count();
        Files.writeString(varices, original + "\nrule \"half written\"\nwhen\n    Patient( ecog >\nthen\nend\n");
        signIn();
        web.get(url("/workbench/ruleset"));
        String liveBefore = web.findElement(By.id("live-version")).getText();
        web.findElement(By.id("reload")).click();

        assertThat(web.findElement(By.id("reload-outcome")).getText()).contains("REFUSED");
        assertThat(web.findElement(By.id("live-version")).getText()).isEqualTo(liveBefore);
        WebElement error = web.findElement(By.cssSelector("#refused-errors tbody tr"));
        assertThat(error.getText()).contains("alerts/varices.drl");
        String where = error.findElements(By.tagName("td")).get(1).getText();
        assertThat(where).startsWith("line ");
        assertThat(Long.parseLong(where.substring(5))).isGreaterThan(lines);
    }

    @Test
    void impactOfALowerRamucirumabThresholdListsThePatientsWhoseGuidanceChanges() {
        Path thresholds = RULES.resolve("catalogue/thresholds.csv");
        String original = read(thresholds);
        restore.add(() -> write(thresholds, original));
        TestFiles.replace(thresholds, "RAMUCIRUMAB_MIN_AFP_NG_ML,400,", "RAMUCIRUMAB_MIN_AFP_NG_ML,300,");
        signIn();
        web.get(url("/workbench/ruleset"));
        web.findElement(By.id("reload")).click();
        // The AFP 399 scenario expects no ramucirumab: the candidate is refused, and says how many answers it changes.
        assertThat(web.findElement(By.id("refused-scenarios")).getText()).contains("post-io/afp-399-no-ramucirumab");
        assertThat(web.findElement(By.id("refused")).getText()).containsPattern("would change the guidance of [1-9][0-9]* scenario patient");

        new Select(web.findElement(By.id("impact-from"))).selectByValue("live");
        new Select(web.findElement(By.id("impact-to"))).selectByValue("refused");
        web.findElement(By.id("run-impact")).click();
        assertThat(Integer.parseInt(web.findElement(By.id("impact-changed")).getText())).isPositive();
        WebElement row = web.findElement(By.cssSelector(".impact-patients tr[data-patient='post-io/afp-399-no-ramucirumab']"));
        assertThat(row.getText()).contains("RAMUCIRUMAB: now recommended");
        assertThat(web.findElement(By.cssSelector(".impact-summary")).getText()).contains("RAMUCIRUMAB: now recommended");
    }

    @Test
    void anAdminSavesThePatientAsAScenarioAndNeverOverwritesOne() throws IOException {
        Path saved = ROOT.resolve("scenarios/workbench/saved-bleeding.yaml");
        restore.add(() -> delete(saved));
        signIn();
        web.get(url("/workbench/guidance?scenario=post-io/bleeding-ctla4"));
        web.findElement(By.id("scenarioId")).sendKeys("workbench/saved-bleeding");
        web.findElement(By.id("scenarioTitle")).sendKeys("Bleeding after atezolizumab-bevacizumab, saved from the page");
        web.findElement(By.id("save-scenario")).click();
        assertThat(web.findElement(By.id("saved")).getText()).contains("workbench/saved-bleeding");
        String yaml = Files.readString(saved);
        assertThat(yaml).startsWith("# yaml-language-server: $schema=../scenario.schema.json")
                .contains("id: workbench/saved-bleeding").contains("NIVOLUMAB_IPILIMUMAB");

        web.get(url("/workbench/guidance?scenario=post-io/bleeding-ctla4"));
        web.findElement(By.id("scenarioId")).sendKeys("workbench/saved-bleeding");
        web.findElement(By.id("scenarioTitle")).sendKeys("A second save under the same id");
        web.findElement(By.id("save-scenario")).click();
        assertThat(web.findElement(By.id("problems")).getText()).contains("already has a scenario");
        assertThat(Files.readString(saved)).isEqualTo(yaml);

        // An id another file already holds would make the suite unreadable: refused, nothing written.
        web.findElement(By.id("scenarioId")).sendKeys("post-io/bleeding-ctla4-copy");
        web.findElement(By.id("scenarioId")).clear();
        web.findElement(By.id("scenarioId")).sendKeys("post-io/afp-400-ramucirumab");
        web.findElement(By.id("scenarioTitle")).sendKeys("Same id as a shipped scenario");
        web.findElement(By.id("save-scenario")).click();
        assertThat(web.findElement(By.id("problems")).getText()).contains("already has a scenario post-io/afp-400-ramucirumab");
        assertThat(http.post("/api/v1/scenarios/run", "{}", ADMIN).json().get("scenarios").size())
                .as("the suite still loads").isPositive();
    }

    @Test
    void adminActionsNeedASignInAndACsrfToken() {
        web.get(url("/workbench/ruleset"));
        assertThat(web.findElements(By.id("reload"))).isEmpty();
        web.get(url("/workbench/feedback"));
        assertThat(web.getCurrentUrl()).endsWith("/workbench/login");
        // A form posted from elsewhere carries no token: refused even with the right password.
        assertThat(http.post("/workbench/ruleset/reload", "", ADMIN).status()).isEqualTo(403);
        web.findElement(By.id("username")).sendKeys("admin");
        web.findElement(By.id("password")).sendKeys("wrong");
        web.findElement(By.id("sign-in")).click();
        assertThat(web.findElement(By.id("login-error")).getText()).contains("wrong");
    }

    @Test
    void theFormCanBeFilledAndSubmittedFromTheKeyboardAlone() {
        web.get(url("/workbench/guidance?scenario=post-io/bleeding-ctla4"));
        // Keys go to whatever has the focus, as a keyboard's do (element.sendKeys would move the focus itself).
        Actions keyboard = new Actions(web);
        keyboard.sendKeys(Keys.TAB).perform();
        assertThat(active().getText()).isEqualTo("Skip to content");
        boolean typedAfp = false;
        for (int i = 0; i < 400 && !"evaluate".equals(active().getAttribute("id")); i++) {
            if ("tumour.afpNgMl".equals(active().getAttribute("name"))) {
                keyboard.keyDown(Keys.CONTROL).sendKeys("a").keyUp(Keys.CONTROL).sendKeys("500").perform();
                typedAfp = true;
            }
            keyboard.sendKeys(Keys.TAB).perform();
        }
        assertThat(typedAfp).as("the AFP input is reachable with Tab").isTrue();
        assertThat(active().getAttribute("id")).as("the submit button is reachable with Tab").isEqualTo("evaluate");
        keyboard.sendKeys(Keys.ENTER).perform();
        new WebDriverWait(web, Duration.ofSeconds(20)).until(d -> d.findElements(By.id("loaded-from")).isEmpty());
        assertThat(web.findElement(By.id("results")).isDisplayed()).isTrue();
        assertThat(field("tumour.afpNgMl").getAttribute("value")).isEqualTo("500");
    }

    @Test
    void everyPageHasNoAccessibilityViolationsAndSeverityIsNotColourAlone() {
        signIn();
        List<String> violations = new ArrayList<>();
        web.get(url("/workbench/guidance?scenario=post-io/bleeding-ctla4"));
        // The stylesheet is the service's own and is applied (axe then checks contrast with it).
        assertThat(web.findElement(By.cssSelector("header.site")).getCssValue("background-color"))
                .isEqualTo("rgba(11, 46, 79, 1)");
        for (WebElement alert : web.findElements(By.cssSelector("#alerts li"))) {
            assertThat(alert.findElement(By.className("severity")).getText()).matches(".*(Critical|Warning|Info)");
        }
        violations.addAll(axe("guidance"));
        web.get(url("/workbench/scenarios"));
        web.findElement(By.id("run-suite")).click();
        violations.addAll(axe("scenarios"));
        web.get(url("/workbench/ruleset"));
        violations.addAll(axe("ruleset"));
        web.get(url("/workbench/feedback"));
        violations.addAll(axe("feedback"));
        web.get(url("/workbench/login"));
        violations.addAll(axe("login"));
        assertThat(violations).isEmpty();
    }

    @Test
    void theReadOnlyPagesNeedNoJavaScript() {
        for (String page : List.of("/workbench/guidance", "/workbench/guidance?scenario=post-io/bleeding-ctla4",
                "/workbench/ruleset", "/workbench/scenarios", "/workbench/login")) {
            Http.Reply reply = http.get(page);
            assertThat(reply.status()).as(page).isEqualTo(200);
            assertThat(reply.body()).as(page).doesNotContainIgnoringCase("<script");
        }
        // Every asset comes from the service itself: nothing refers to another host.
        assertThat(http.get("/workbench/guidance").body()).doesNotContain("http://", "https://");
    }

    private List<String> axe(String page) {
        Results results = new AxeBuilder().analyze(web);
        List<String> out = new ArrayList<>();
        for (Rule r : results.getViolations()) {
            out.add(page + ": " + r.getId() + " (" + r.getImpact() + ") " + r.getHelp() + " at "
                    + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).toList());
        }
        return out;
    }

    private void signIn() {
        web.get(url("/workbench/login"));
        web.findElement(By.id("username")).sendKeys("admin");
        web.findElement(By.id("password")).sendKeys(ADMIN_PASSWORD);
        web.findElement(By.id("sign-in")).click();
        // The click returns before the next page has replaced the sign-in page: wait for it, then read it.
        new WebDriverWait(web, Duration.ofSeconds(20)).until(d -> !d.getCurrentUrl().contains("/workbench/login"));
        assertThat(web.findElement(By.cssSelector("header .who")).getText()).contains("admin");
    }

    private WebElement active() {
        return web.switchTo().activeElement();
    }

    private WebElement field(String path) {
        return web.findElement(By.name(path));
    }

    private void type(String path, String value) {
        WebElement e = field(path);
        e.clear();
        e.sendKeys(value);
    }

    private void choose(String path, String value) {
        new Select(field(path)).selectByValue(value);
    }

    private List<String> codes(String css) {
        return web.findElements(By.cssSelector(css)).stream().map(e -> e.getAttribute("data-code")).toList();
    }

    private static List<String> codesOf(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("code").asText()));
        return out;
    }

    private static String reasonOf(JsonNode items, String code) {
        for (JsonNode i : items) {
            if (i.get("code").asText().equals(code)) {
                return i.get("reason").asText();
            }
        }
        throw new AssertionError(code + " not in the API's answer");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            Files.writeString(p, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void delete(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
