package org.hccguidance.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Health details, the rule folder's path and disk figures are for admins; everyone else sees less. */
class DetailVisibilityTests extends ServiceWithAdmin {

    @Test
    void anonymousHealthIsTheStatusAlone() {
        Http.Reply r = new Http(port).get("/actuator/health");
        assertThat(r.status()).isEqualTo(200);
        JsonNode health = r.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).isFalse();
        assertThat(health.has("details")).isFalse();
        assertThat(r.body()).doesNotContain(RULES.toString()).doesNotContain("/").doesNotContain("diskSpace")
                .doesNotContain("free").doesNotContain("total");
        assertThat(new Http(port).get("/actuator/health", "admin", "wrong").status()).isEqualTo(401);
    }

    @Test
    void theProbesAreOpenAndShowAnonymousCallersTheStatusAlone() {
        Http http = new Http(port);
        for (String probe : new String[] {"/actuator/health/readiness", "/actuator/health/liveness"}) {
            Http.Reply r = http.get(probe);
            assertThat(r.status()).as(probe).isEqualTo(200);
            assertThat(r.json().get("status").asText()).isEqualTo("UP");
            assertThat(r.body()).as(probe).doesNotContain("components").doesNotContain("sha256")
                    .doesNotContain(RULES.toString());
        }
        // Readiness is tied to the live rule set; liveness is not (a missing rule set must not restart a replica).
        assertThat(http.get("/actuator/health/readiness", ADMIN).json().at("/components/ruleset/details/version").asText())
                .startsWith("sha256:");
        assertThat(http.get("/actuator/health/liveness", ADMIN).json().has("components")).isTrue();
        assertThat(http.get("/actuator/health/liveness", ADMIN).json().at("/components/ruleset").isMissingNode()).isTrue();
    }

    @Test
    void adminsSeeHealthDetailsWithTheRuleFolder() {
        JsonNode health = new Http(port).get("/actuator/health", ADMIN).json();
        assertThat(health.at("/components/ruleset/details/version").asText()).startsWith("sha256:");
        assertThat(health.at("/components/ruleset/details/source").asText()).isEqualTo("folder:" + RULES);
        assertThat(health.at("/components/diskSpace/details/total").asLong()).isPositive();
    }

    @Test
    void theRuleSetSourceIsAKindForAnonymousCallersAndAPathForAdmins() {
        Http http = new Http(port);
        Http.Reply anonymous = http.get("/api/v1/ruleset");
        assertThat(anonymous.json().get("source").asText()).isEqualTo("folder");
        assertThat(anonymous.body()).doesNotContain(ROOT.toString());
        assertThat(http.get("/api/v1/ruleset", ADMIN).json().get("source").asText()).isEqualTo("folder:" + RULES);

        Http.Reply history = http.get("/api/v1/ruleset/history");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().findValuesAsText("source")).isNotEmpty().allMatch(s -> s.equals("folder"));
        assertThat(history.body()).doesNotContain(ROOT.toString()).doesNotContain("/srv/rules");
        assertThat(http.get("/api/v1/ruleset/history", ADMIN).json().findValuesAsText("source"))
                .contains("folder:/srv/rules", "folder:" + RULES);
    }

    @Test
    void aRefusedCandidateHidesAbsolutePathsButKeepsRuleFileNames() throws IOException {
        Http http = new Http(port);
        Path away = ROOT.resolve("rules-away");
        Files.move(RULES, away);
        try {
            assertThat(http.post("/api/v1/ruleset/reload", "", ADMIN).status()).isEqualTo(422);
        } finally {
            Files.move(away, RULES);
        }
        JsonNode anonymous = http.get("/api/v1/ruleset").json().get("lastRefusedCandidate");
        assertThat(anonymous.toString()).doesNotContain(ROOT.toString()).contains("(rule folder)");
        assertThat(http.get("/api/v1/ruleset", ADMIN).json().get("lastRefusedCandidate").toString()).contains(RULES.toString());

        Path broken = RULES.resolve("post_io/zz-broken.drl");
        Files.writeString(broken, "package rules.post_io;\nrule \"Half written\"\nwhen\n  Setting(\nthen\nend\n");
        try {
            assertThat(http.post("/api/v1/ruleset/reload", "", ADMIN).status()).isEqualTo(422);
            JsonNode refused = http.get("/api/v1/ruleset").json().get("lastRefusedCandidate");
            assertThat(refused.get("errors").findValuesAsText("file")).contains("post_io/zz-broken.drl");
            assertThat(refused.toString()).doesNotContain(ROOT.toString());
        } finally {
            Files.delete(broken);
        }
        assertThat(http.post("/api/v1/ruleset/reload", "", ADMIN).json().get("status").asText()).isIn("UNCHANGED", "ACTIVATED");
        assertThat(http.get("/api/v1/ruleset").json().get("lastRefusedCandidate").isNull()).isTrue();
    }
}
