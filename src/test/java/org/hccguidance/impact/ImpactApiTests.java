package org.hccguidance.impact;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.hccguidance.TestFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/ruleset/impact and the reload report's count, over real HTTP. */
class ImpactApiTests extends ServiceWithAdmin {

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void impactNeedsTheAdminRole() {
        assertThat(http.post("/api/v1/ruleset/impact", "{\"to\": \"live\"}").status()).isEqualTo(401);
    }

    @Test
    void comparingAFolderWithAThresholdChangedListsItsPatientsAndALiveComparisonNone() {
        Path copy = TestFiles.copyTree(RULES, TestFiles.tempDir("impact-api").resolve("rules"));
        TestFiles.replace(copy.resolve("catalogue/thresholds.csv"), "RAMUCIRUMAB_MIN_AFP_NG_ML,400,", "RAMUCIRUMAB_MIN_AFP_NG_ML,300,");
        Http.Reply reply = http.post("/api/v1/ruleset/impact", "{\"from\": \"live\", \"to\": \"" + copy + "\", \"generated\": 200}", ADMIN);
        assertThat(reply.status()).isEqualTo(200);
        JsonNode report = reply.json();
        assertThat(report.get("cohort").get("GENERATED").asInt()).isEqualTo(200);
        assertThat(report.get("patientsChanged").asInt()).isPositive();
        assertThat(report.get("fromLabel").asText()).isEqualTo("live");
        assertThat(report.get("toVersion").asText()).startsWith("sha256:").isNotEqualTo(report.get("fromVersion").asText());
        assertThat(report.toString()).contains("post-io/afp-399-no-ramucirumab");

        JsonNode same = http.post("/api/v1/ruleset/impact", "{\"to\": \"live\"}", ADMIN).json();
        assertThat(same.get("patientsChanged").asInt()).isZero();
    }

    @Test
    void badNamesAndCountsAre400ProblemsNamingTheField() {
        Http.Reply noTo = http.post("/api/v1/ruleset/impact", "{}", ADMIN);
        assertThat(noTo.status()).isEqualTo(400);
        assertThat(noTo.contentType()).startsWith("application/problem+json");
        assertThat(noTo.body()).contains("\"to\"");
        Http.Reply tooMany = http.post("/api/v1/ruleset/impact", "{\"to\": \"live\", \"generated\": 20001}", ADMIN);
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("generated");
        Http.Reply unknown = http.post("/api/v1/ruleset/impact", "{\"to\": \"sha256:" + "0".repeat(64) + "\"}", ADMIN);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("never live here");
        Http.Reply noFolder = http.post("/api/v1/ruleset/impact", "{\"to\": \"/no/such/folder\"}", ADMIN);
        assertThat(noFolder.status()).isEqualTo(400);
    }

    @Test
    void aReloadSaysHowManyScenarioPatientsItChangesEvenWhenRefused() throws IOException {
        Path thresholds = RULES.resolve("catalogue/thresholds.csv");
        String original = Files.readString(thresholds);
        try {
            TestFiles.replace(thresholds, "RAMUCIRUMAB_MIN_AFP_NG_ML,400,", "RAMUCIRUMAB_MIN_AFP_NG_ML,300,");
            Http.Reply refused = http.post("/api/v1/ruleset/reload", "", ADMIN);
            assertThat(refused.status()).isEqualTo(422);
            int changed = refused.json().get("scenarioPatientsChanged").asInt();
            assertThat(changed).isPositive();
            JsonNode status = http.get("/api/v1/ruleset").json();
            assertThat(status.get("lastRefusedCandidate").get("scenarioPatientsChanged").asInt()).isEqualTo(changed);
            // The pending refused candidate can be compared with the live rules by name.
            JsonNode report = http.post("/api/v1/ruleset/impact", "{\"to\": \"refused\"}", ADMIN).json();
            assertThat(report.get("patientsChanged").asInt()).isEqualTo(changed);
        } finally {
            Files.writeString(thresholds, original);
            assertThat(http.post("/api/v1/ruleset/reload", "", ADMIN).json().get("status").asText()).isEqualTo("UNCHANGED");
        }
        assertThat(http.post("/api/v1/ruleset/impact", "{\"to\": \"refused\"}", ADMIN).status()).isEqualTo(400);
    }
}
