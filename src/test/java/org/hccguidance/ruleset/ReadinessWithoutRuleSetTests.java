package org.hccguidance.ruleset;

import org.hccguidance.Http;
import org.hccguidance.TestFiles;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replica started on a rule folder that does not compile, with no archive to fall back on (a fresh pod
 * given a broken release): the readiness probe keeps it out of the balancer, the liveness probe does not
 * restart it, and it becomes ready once a valid rule set is live. The rule set is one small rule and the
 * scenario gate is off, so that the context stays cheap; what is under test is the probe, not the gate.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.reload.watch=false", "guidance.reload.require-scenarios=false",
        "guidance.reload.generated-patients=0", "GUIDANCE_ADMIN_PASSWORD=" + ReadinessWithoutRuleSetTests.PASSWORD})
class ReadinessWithoutRuleSetTests {

    static final String PASSWORD = "readiness-admin";
    static final String VALID_RULE = """
            package rules.t;
            import org.hccguidance.facts.*;
            import org.hccguidance.guidance.*;
            ruleflow-group "options"
            rule "Greeting"
            when PatientCase()
            then insert(new Alert(Severity.INFO, "HELLO", "ready"));
            end
            """;

    static final Path ROOT = TestFiles.tempDir("readiness");
    static final Path RULES = ROOT.resolve("rules");

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry props) {
        try {
            Files.createDirectories(RULES);
            Files.writeString(RULES.resolve("a.drl"), "rule \"half written\" when then\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        props.add("guidance.rules.dir", RULES::toString);
        // An empty data folder: no archived version to fall back on. The scenarios are not read (gate off).
        props.add("guidance.data.dir", () -> ROOT.resolve("data").toString());
    }

    @LocalServerPort
    int port;

    @Test
    void notReadyWhileNoValidRuleSetIsLoadedAndReadyOnceOneIs() throws IOException {
        Http http = new Http(port);
        Http.Reply readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(503);
        assertThat(readiness.json().get("status").asText()).isEqualTo("DOWN");
        assertThat(http.get("/actuator/health/readiness", "admin", PASSWORD).json()
                .at("/components/ruleset/details/reason").asText()).isEqualTo("no valid rule set is loaded");
        // Alive all the same: a missing rule set must not get the replica restarted.
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);

        Files.writeString(RULES.resolve("a.drl"), VALID_RULE);
        Http.Reply reload = http.post("/api/v1/ruleset/reload", "", "admin", PASSWORD);
        assertThat(reload.status()).as(reload.body()).isEqualTo(200);
        assertThat(reload.json().get("status").asText()).isEqualTo("ACTIVATED");

        readiness = http.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
    }
}
