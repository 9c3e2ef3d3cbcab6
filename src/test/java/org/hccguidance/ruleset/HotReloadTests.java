package org.hccguidance.ruleset;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.TestFiles;
import org.hccguidance.engine.RuleSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Real files edited in a rule folder under a running service. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.reload.watch=true", "guidance.reload.debounce=200ms", "guidance.reload.require-scenarios=true",
        "guidance.reload.generated-patients=100",
        "GUIDANCE_ADMIN_PASSWORD=admin-secret"})
class HotReloadTests {

    static final Path SHIPPED = Path.of("rules");

    @TempDir
    static Path root;
    static final String LENVATINIB_TITLE = "Strength.STANDARD, \"AFTER_IO_LENVATINIB\", \"Lenvatinib\"";
    static final String PATIENT = """
            {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 50},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false}}
            """;

    static Path rules() {
        return root.resolve("rules");
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry props) {
        props.add("guidance.rules.dir", () -> {
            TestFiles.copyTree(SHIPPED, rules());
            TestFiles.copyTree(Path.of("scenarios"), root.resolve("scenarios"));
            return rules().toString();
        });
        props.add("guidance.scenarios.dir", () -> root.resolve("scenarios").toString());
        props.add("guidance.data.dir", () -> root.resolve("data").toString());
    }

    @LocalServerPort
    int port;
    Http http;

    /** Every test starts from the shipped rules, live, whatever an earlier test left behind. */
    @BeforeEach
    void shippedRulesAreLive() throws IOException {
        http = new Http(port);
        try (var walk = Files.walk(rules())) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p) && !Files.exists(SHIPPED.resolve(rules().relativize(p).toString()))) {
                    Files.delete(p);
                }
            }
        }
        TestFiles.copyTree(SHIPPED, rules());
        String shipped = RuleSources.fromDirectory(SHIPPED).version();
        await().atMost(Duration.ofSeconds(60)).until(() -> version().equals(shipped)
                && http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull());
    }

    String version() {
        return http.get("/api/v1/ruleset").json().get("version").asText();
    }

    String lenvatinibTitle() {
        for (JsonNode r : http.post("/api/v1/guidance", PATIENT).json().get("recommendations")) {
            if (r.get("code").asText().equals("LENVATINIB")) {
                return r.get("title").asText();
            }
        }
        return null;
    }

    @Test
    void aGoodEditGoesLiveWithoutARestart() {
        String before = version();
        TestFiles.replace(rules().resolve("post_io/systemic-options.drl"), LENVATINIB_TITLE, "Strength.STANDARD, \"AFTER_IO_LENVATINIB\", \"Lenvatinib (edited)\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> !version().equals(before));
        assertThat(lenvatinibTitle()).isEqualTo("Lenvatinib (edited)");
        assertThat(http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull()).isTrue();
    }

    @Test
    void aSyntaxErrorIsRefusedAndTheOldVersionKeepsServing() throws IOException {
        String live = version();
        Path broken = rules().resolve("post_io/broken.drl");
        Files.writeString(broken, "package rules.post_io;\nruleflow-group \"options\"\nrule \"Half written\"\nwhen\n  Setting(\nthen\nend\n");
        JsonNode refused = awaitRefusal();
        assertThat(refused.get("errors").toString()).contains("post_io/broken.drl");
        assertThat(version()).isEqualTo(live);
        assertThat(lenvatinibTitle()).isEqualTo("Lenvatinib");
        JsonNode health = http.get("/actuator/health", "admin", "admin-secret").json();
        assertThat(health.at("/components/ruleset/details/lastCandidateRefused").asBoolean()).isTrue();
        Files.delete(broken);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull());
    }

    @Test
    void aScenarioBreakingEditIsRefusedNamingTheScenario() {
        String live = version();
        Path ram = rules().resolve("post_io/ramucirumab.drl");
        TestFiles.replace(ram, "afpNgMl >= $cut)", "afpNgMl > $cut)");
        JsonNode refused = awaitRefusal();
        assertThat(refused.get("failingScenarios").toString()).contains("post-io/afp-400-ramucirumab");
        assertThat(version()).isEqualTo(live);
        TestFiles.replace(ram, "afpNgMl > $cut)", "afpNgMl >= $cut)");
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull());
    }

    @Test
    void deletingARequiredFileIsRefused() throws IOException {
        String live = version();
        Path thresholds = rules().resolve("catalogue/thresholds.csv");
        byte[] saved = Files.readAllBytes(thresholds);
        Files.delete(thresholds);
        JsonNode refused = awaitRefusal();
        assertThat(refused.get("failingScenarios").size()).isGreaterThan(0);
        assertThat(version()).isEqualTo(live);
        Files.write(thresholds, saved);
        await().atMost(Duration.ofSeconds(30)).until(() -> http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull());
    }

    @Test
    void anEditorsTempFileAndAtomicRenameGoLive() throws IOException {
        String before = version();
        Path target = rules().resolve("post_io/systemic-options.drl");
        Path tmp = rules().resolve("post_io/.systemic-options.drl.tmp");
        Files.writeString(tmp, Files.readString(target).replace("\"Lenvatinib\"", "\"Lenvatinib (renamed)\""));
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        await().atMost(Duration.ofSeconds(30)).until(() -> !version().equals(before));
        assertThat(lenvatinibTitle()).isEqualTo("Lenvatinib (renamed)");
    }

    @Test
    void theHistoryListsEachActivation() {
        String before = version();
        TestFiles.replace(rules().resolve("post_io/systemic-options.drl"), LENVATINIB_TITLE, "Strength.STANDARD, \"AFTER_IO_LENVATINIB\", \"Lenvatinib (history)\"");
        await().atMost(Duration.ofSeconds(30)).until(() -> !version().equals(before));
        JsonNode history = http.get("/api/v1/ruleset/history").json();
        assertThat(history.size()).isGreaterThanOrEqualTo(2);
        assertThat(history.findValuesAsText("activatedBy")).contains("startup", "file-watch");
        assertThat(history.get(history.size() - 1).get("version").asText()).isEqualTo(version());
        assertThat(http.get("/actuator/metrics/guidance.ruleset.reloads", "admin", "admin-secret").status()).isEqualTo(200);
    }

    @Test
    void requestsInFlightAcrossTwentyReloadsNeverFailAndSeeWholeVersions() throws Exception {
        Path file = rules().resolve("post_io/systemic-options.drl");
        String current = "\"Lenvatinib\"";
        Map<String, String> titleByVersion = new ConcurrentHashMap<>();
        titleByVersion.put(version(), "Lenvatinib");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger ok = new AtomicInteger();
        List<String> failures = new CopyOnWriteArrayList<>();
        Pattern versionPattern = Pattern.compile("\"rulesetVersion\":\"(sha256:[0-9a-f]+)\"");
        List<String[]> seen = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            pool.submit(() -> {
                Http client = new Http(port);
                while (running.get()) {
                    Http.Reply r = client.post("/api/v1/guidance", PATIENT);
                    if (r.status() != 200) {
                        failures.add(r.status() + " " + r.body());
                        continue;
                    }
                    Matcher m = versionPattern.matcher(r.body());
                    JsonNode recs = r.json().get("recommendations");
                    String title = null;
                    for (JsonNode rec : recs) {
                        if (rec.get("code").asText().equals("LENVATINIB")) {
                            title = rec.get("title").asText();
                        }
                    }
                    seen.add(new String[] {m.find() ? m.group(1) : "?", title});
                    ok.incrementAndGet();
                }
            });
        }
        for (int i = 1; i <= 20; i++) {
            String next = "\"Lenvatinib (v" + i + ")\"";
            TestFiles.replace(file, current, next);
            current = next;
            Http.Reply reload = http.post("/api/v1/ruleset/reload", "", "admin", "admin-secret");
            assertThat(reload.status()).as(reload.body()).isEqualTo(200);
            titleByVersion.put(reload.json().get("activeVersion").asText(), "Lenvatinib (v" + i + ")");
        }
        Thread.sleep(300);
        running.set(false);
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(ok.get()).isGreaterThan(20);
        Set<String> versionsSeen = new java.util.HashSet<>();
        for (String[] s : seen) {
            versionsSeen.add(s[0]);
            // A response's rule set version and its content always belong together.
            assertThat(titleByVersion).containsKey(s[0]);
            assertThat(s[1]).isEqualTo(titleByVersion.get(s[0]));
        }
        assertThat(versionsSeen.size()).isGreaterThan(1);
    }

    private JsonNode awaitRefusal() {
        await().atMost(Duration.ofSeconds(60)).until(() -> !http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull());
        return http.get("/api/v1/ruleset").json().get("lastRefusedCandidate");
    }
}
