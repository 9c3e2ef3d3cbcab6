package org.hccguidance.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Untrusted rule files against the running service: refused before compiling, cut off when they run away. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD=admin-secret"})
class RuleSandboxHttpTests {

    static final Path ROOT;
    static final Path RULES;
    static final String HEADER = "package rules.zz_test;\nimport org.hccguidance.facts.*;\nruleflow-group \"options\"\n";

    static {
        try {
            ROOT = org.hccguidance.TestFiles.tempDir("sandbox");
            RULES = TestFiles.copyTree(Path.of("rules"), ROOT.resolve("rules"));
            Files.createDirectories(RULES.resolve("zz_test"));
            // Live from the start: runs away, or throws, only for patients no scenario describes.
            Files.writeString(RULES.resolve("zz_test/misbehaving.drl"), HEADER + """
                    rule "Start a loop for age 123"
                    when
                      PatientCase(ageYears == 123)
                    then
                      insert(new Threshold("LOOP", 0));
                    end

                    rule "Loop forever"
                    when
                      Threshold(name == "LOOP", $v : value)
                      not Threshold(name == "LOOP", value > $v)
                    then
                      insert(new Threshold("LOOP", $v + 1));
                    end

                    rule "Throw for age 124"
                    when
                      PatientCase(ageYears == 124)
                    then
                      insert(new Threshold("N", Integer.valueOf("not a number")));
                    end
                    """);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry props) {
        props.add("guidance.rules.dir", RULES::toString);
        props.add("guidance.scenarios.dir", () -> Path.of("scenarios").toAbsolutePath().toString());
        props.add("guidance.data.dir", () -> ROOT.resolve("data").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void aLoopingRuleIsCutOffAndTheServiceKeepsServing() {
        Http http = new Http(port);
        Http.Reply loop = http.post("/api/v1/guidance", "{\"ageYears\": 123, \"ecog\": 1, \"liver\": {\"childPughScore\": 5}}");
        assertThat(loop.status()).isEqualTo(500);
        assertThat(loop.contentType()).startsWith("application/problem+json");
        JsonNode p = loop.json();
        assertThat(p.get("title").asText()).isEqualTo("Rule fact limit exceeded");
        assertThat(p.get("limit").asText()).isEqualTo("FACT_LIMIT");
        assertThat(p.get("detail").asText()).contains("2000 facts").contains("Loop forever");
        assertThat(http.post("/api/v1/guidance", "{\"ageYears\": 60, \"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()).isEqualTo(200);
    }

    @Test
    void whileARunawayEvaluationIsCutOffOtherRequestsAreStillAnswered() throws Exception {
        Http http = new Http(port);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> runaways = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runaways.add(pool.submit(() -> new Http(port).post("/api/v1/guidance",
                        "{\"ageYears\": 123, \"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()));
            }
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                assertThat(http.post("/api/v1/guidance", "{\"ageYears\": 60, \"ecog\": 1, \"liver\": {\"childPughScore\": 5}}")
                        .status()).isEqualTo(200);
                assertThat(java.time.Duration.ofNanos(System.nanoTime() - started)).isLessThan(java.time.Duration.ofSeconds(1));
            }
            for (var f : runaways) {
                assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(500);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCandidateThatOffersAVegfTrialDespiteABleedIsRefusedNamingTheSafetyCheck() throws IOException {
        Http http = new Http(port);
        String live = http.get("/api/v1/ruleset").json().get("version").asText();
        Path planted = RULES.resolve("zz_test/planted.drl");
        Files.writeString(planted, org.hccguidance.safety.SafetyNetTests.PLANTED_TRIAL.replace("package rules.planted;", "package rules.zz_test;"));
        try {
            Http.Reply refused = http.post("/api/v1/ruleset/reload", "", "admin", "admin-secret");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("failingScenarios").toString()).contains("generated patient #")
                    .contains("safety check I1 on trial NCT04826406").contains("Planted: offer the apatinib trial whatever the risks");
            assertThat(http.get("/api/v1/ruleset").json().get("version").asText()).isEqualTo(live);
        } finally {
            Files.delete(planted);
        }
    }

    @Test
    void aRuleThatThrowsGivesAProblemNamingTheRule(CapturedOutput output) {
        Http http = new Http(port);
        Http.Reply r = http.post("/api/v1/guidance", "{\"ageYears\": 124, \"ecog\": 1, \"liver\": {\"childPughScore\": 5}}");
        assertThat(r.status()).isEqualTo(500);
        assertThat(r.json().get("rule").asText()).isEqualTo("Throw for age 124");
        assertThat(r.body()).doesNotContain("\tat ");
        // The exception's message may quote patient values: neither the answer nor the log carries it.
        assertThat(r.body()).doesNotContain("not a number");
        assertThat(output.getAll()).contains("rule \"Throw for age 124\" failed with NumberFormatException")
                .doesNotContain("not a number");
        assertThat(http.post("/api/v1/guidance", "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()).isEqualTo(200);
    }

    @Test
    void forbiddenCodeAndRunawayCandidatesAreRefusedAtReload() throws IOException {
        Http http = new Http(port);
        String live = http.get("/api/v1/ruleset").json().get("version").asText();

        Path evil = RULES.resolve("zz_test/evil.drl");
        Files.writeString(evil, HEADER + "rule \"Evil\"\nwhen\n  PatientCase()\nthen\n  System.exit(0);\nend\n");
        Http.Reply refused = http.post("/api/v1/ruleset/reload", "", "admin", "admin-secret");
        assertThat(refused.status()).isEqualTo(422);
        JsonNode error = refused.json().get("errors").get(0);
        assertThat(error.get("file").asText()).isEqualTo("zz_test/evil.drl");
        assertThat(error.get("line").asInt()).isEqualTo(8);
        assertThat(refused.json().get("errors").toString()).contains("System.exit(0)");

        Files.writeString(evil, HEADER + "import java.io.File;\nrule \"Evil\"\nwhen\nthen\n  new File(\"/tmp/x\").delete();\nend\n");
        Http.Reply io = http.post("/api/v1/ruleset/reload", "", "admin", "admin-secret");
        assertThat(io.status()).isEqualTo(422);
        assertThat(io.json().get("errors").toString()).contains("zz_test/evil.drl").contains("java.io.File");

        Files.writeString(evil, HEADER + "rule \"Loop on every ECOG 1 patient\"\nwhen\n  PatientCase(ecog == 1)\nthen\n  insert(new Threshold(\"LOOP\", 0));\nend\n");
        Http.Reply runaway = http.post("/api/v1/ruleset/reload", "", "admin", "admin-secret");
        assertThat(runaway.status()).isEqualTo(422);
        assertThat(runaway.json().get("failingScenarios").toString()).contains("2000 facts");

        assertThat(http.get("/api/v1/ruleset").json().get("version").asText()).isEqualTo(live);
        assertThat(http.post("/api/v1/guidance", "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()).isEqualTo(200);
        Files.delete(evil);
    }
}
