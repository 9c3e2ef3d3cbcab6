package org.hccguidance.security;

import org.hccguidance.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** No admin password configured: admin endpoints are closed and say why; guidance stays open. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/admin-disabled",
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD="})
class AdminDisabledTests {

    @LocalServerPort
    int port;

    @Test
    void adminEndpointsAnswer403WithTheReasonEvenWithCredentials() {
        Http http = new Http(port);
        for (Http.Reply r : new Http.Reply[] {
                http.post("/api/v1/ruleset/reload", ""),
                http.post("/api/v1/ruleset/reload", "", "admin", ""),
                http.post("/api/v1/scenarios/run", "{}", "admin", "anything"),
                http.post("/api/v1/guidance?rulesetVersion=sha256:" + "0".repeat(64), "{\"ecog\": 1, \"liver\": {}}")}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).contains("GUIDANCE_ADMIN_PASSWORD");
        }
    }

    @Test
    void guidanceAndReadOnlyInfoStayOpen() {
        Http http = new Http(port);
        assertThat(http.post("/api/v1/guidance", "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ruleset").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ruleset/history").status()).isEqualTo(200);
    }
}
