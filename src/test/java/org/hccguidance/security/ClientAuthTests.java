package org.hccguidance.security;

import org.hccguidance.Http;
import org.hccguidance.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** With guidance.security.require-client-auth=true, the API needs the client (or admin) role. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/client-auth",
        "guidance.reload.watch=false", "guidance.security.require-client-auth=true",
        "GUIDANCE_CLIENT_PASSWORD=client-secret", "GUIDANCE_ADMIN_PASSWORD=admin-secret"})
class ClientAuthTests {

    private static final String PATIENT = "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}";

    @LocalServerPort
    int port;

    @Test
    void guidanceNeedsAClientOrAdmin() {
        Http http = new Http(port);
        Http.Reply anonymous = http.post("/api/v1/guidance", PATIENT);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(http.post("/api/v1/guidance", PATIENT, "client", "wrong").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/guidance", PATIENT, "client", "client-secret").status()).isEqualTo(200);
        assertThat(http.post("/api/v1/guidance", PATIENT, "admin", "admin-secret").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ruleset").status()).isEqualTo(401);
        assertThat(http.get("/api/v1/ruleset", "client", "client-secret").status()).isEqualTo(200);
    }

    @Test
    void clientsCannotChangeRulesAndHealthStaysOpen() {
        Http http = new Http(port);
        assertThat(http.post("/api/v1/ruleset/reload", "", "client", "client-secret").status()).isEqualTo(403);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health", "client", "client-secret").json().has("components"))
                .as("health details are for admins only").isFalse();
        assertThat(http.get("/actuator/health", "admin", "admin-secret").json().has("components")).isTrue();
        assertThat(http.get("/api/v1/ruleset", "client", "client-secret").json().get("source").asText()).isEqualTo("folder");
    }

    @Test
    void clientsCannotReachAdminEndpointsByAnotherSpelling() {
        RawHttp raw = new RawHttp(port);
        assertThat(raw.post("/api/v1/ruleset/%72eload", "", "client", "client-secret").status()).isEqualTo(400);
        assertThat(raw.post("/api/v1/%67uidance?rulesetVersion=sha256:" + "0".repeat(64), PATIENT, "client", "client-secret").status())
                .isEqualTo(400);
        assertThat(raw.post("/api/v1/guidance?rulesetVersion=sha256:" + "0".repeat(64), PATIENT, "client", "client-secret").status())
                .isEqualTo(403);
        assertThat(raw.get("/api/v1/ruleset/%68istory").status()).isEqualTo(400);
        assertThat(raw.get("/api/v1/ruleset/history").status()).isEqualTo(401);
    }
}
