package org.hccguidance.security;

import org.hccguidance.Http;
import org.hccguidance.RawHttp;
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
    void everyAdminRequestIsClosedWhateverItsSpelling() {
        Http http = new Http(port);
        RawHttp raw = new RawHttp(port);
        // Decided on the routed path: an endpoint no one listed as open is an admin endpoint.
        for (Http.Reply r : new Http.Reply[] {http.get("/actuator/metrics"), http.get("/actuator/env"),
                http.get("/api/v1/no-such-endpoint"), http.post("/API/v1/ruleset/reload", "")}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("title").asText()).isEqualTo("Admin endpoints disabled");
        }
        // Other spellings never get that far: the firewall refuses them first.
        for (String path : new String[] {"/api/v1/ruleset/%72eload", "/api/v1/ruleset;x=1/reload", "/actuator/%6detrics"}) {
            Http.Reply r = raw.post(path, "");
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
        }
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }

    @Test
    void guidanceAndReadOnlyInfoStayOpen() {
        Http http = new Http(port);
        assertThat(http.post("/api/v1/guidance", "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ruleset").status()).isEqualTo(200);
        assertThat(http.get("/api/v1/ruleset/history").status()).isEqualTo(200);
    }
}
