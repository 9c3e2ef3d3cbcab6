package org.hccguidance.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/api",
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD=admin-secret", "GUIDANCE_CLIENT_PASSWORD=client-secret"})
class GuidanceApiTests {

    static final String PATIENT = """
            {"patientRef": "api-1", "ageYears": 64, "ecog": 1, "bclcStage": "C",
             "liver": {"childPughClass": "A", "bilirubinMgDl": 1.0, "albuminGDl": 3.9, "inr": 1.0, "ascites": "NONE", "encephalopathy": "NONE"},
             "tumour": {"afpNgMl": 520, "macrovascularInvasion": true, "extrahepaticSpread": false},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "bestResponse": "PR", "outcome": "PROGRESSION"}],
             "progression": {"patterns": ["NIH"], "progressingLesions": 2, "otherDiseaseControlled": true}}
            """;

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void guidanceFollowsTheContract() {
        Http.Reply r = http.post("/api/v1/guidance", PATIENT);
        assertThat(r.status()).isEqualTo(200);
        JsonNode g = r.json();
        assertThat(g.get("patientRef").asText()).isEqualTo("api-1");
        assertThat(g.get("setting").asText()).isEqualTo("POST_IO_PROGRESSION");
        assertThat(g.at("/derived/childPughScore").asInt()).isEqualTo(5);
        assertThat(g.at("/derived/albiGrade").asInt()).isEqualTo(2);
        assertThat(g.at("/derived/oligoprogression").asBoolean()).isTrue();
        assertThat(g.at("/recommendations/0/code").asText()).isEqualTo("LOCOREGIONAL_THERAPY");
        assertThat(g.at("/recommendations/0/rank").asInt()).isEqualTo(1);
        assertThat(g.at("/recommendations/0/evidence/0/source").asText()).isNotBlank();
        JsonNode lenvatinib = null;
        for (JsonNode rec : g.get("recommendations")) {
            if (rec.get("code").asText().equals("LENVATINIB")) {
                lenvatinib = rec;
            }
        }
        assertThat(lenvatinib).isNotNull();
        assertThat(lenvatinib.get("evidence").findValuesAsText("reference")).contains("[46]", "[39]", "[17]")
                .anyMatch(ref -> ref.startsWith("[41]"));
        assertThat(lenvatinib.at("/grade/evidenceQuality").asText()).isEqualTo("LOW");
        assertThat(lenvatinib.at("/grade/basis").asText()).isEqualTo("ASCO 2024 rec 2.1");
        assertThat(lenvatinib.get("evidence").findValuesAsText("note")).anyMatch(n -> n.contains("Korea"));
        assertThat(g.at("/recommendations/0/firedBy/0").asText()).isNotBlank();
        assertThat(g.get("trials").size()).isGreaterThan(0);
        assertThat(g.at("/audit/rulesetVersion").asText()).startsWith("sha256:");
        assertThat(g.at("/audit/rulesetSource").asText()).startsWith("folder:");
        assertThat(g.at("/audit/firedRules").size()).isGreaterThan(10);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "malformed JSON|{\"ecog\": 1,|(body)",
            "wrong type|{\"ecog\": \"one\", \"liver\": {}}|ecog",
            "fraction for a count|{\"ecog\": 1.5, \"liver\": {}}|ecog",
            "unknown enum|{\"ecog\": 1, \"liver\": {\"ascites\": \"LOTS\"}}|liver.ascites",
            "ECOG out of range|{\"ecog\": 5, \"liver\": {}}|ecog",
            "negative lab|{\"ecog\": 1, \"liver\": {\"bilirubinMgDl\": -1}}|liver.bilirubinMgDl",
            "grade out of range|{\"ecog\": 1, \"liver\": {}, \"adverseEvents\": [{\"term\": \"COLITIS\", \"grade\": 6}]}|adverseEvents[0].grade",
            "missing liver|{\"ecog\": 1}|liver",
            "missing ecog|{\"liver\": {}}|ecog",
            "unknown field|{\"ecog\": 1, \"liver\": {}, \"ecgo\": 2}|ecgo",
            "unknown regimen|{\"ecog\": 1, \"liver\": {}, \"priorSystemicTherapies\": [{\"regimen\": \"ASPIRIN\", \"line\": 1, \"outcome\": \"PROGRESSION\"}]}|priorSystemicTherapies[0].regimen",
            "negative platelets|{\"ecog\": 1, \"liver\": {}, \"labs\": {\"plateletsE9L\": -1}}|labs.plateletsE9L",
            "platelets above the range|{\"ecog\": 1, \"liver\": {}, \"labs\": {\"plateletsE9L\": 2001}}|labs.plateletsE9L",
            "eGFR above the range|{\"ecog\": 1, \"liver\": {}, \"labs\": {\"egfrMlMin\": 301}}|labs.egfrMlMin",
            "proteinuria above the range|{\"ecog\": 1, \"liver\": {}, \"labs\": {\"urineProteinGPer24h\": 50.5}}|labs.urineProteinGPer24h",
            "unknown histology|{\"ecog\": 1, \"liver\": {}, \"tumour\": {\"histology\": \"CHOLANGIO\"}}|tumour.histology",
            "unknown HBsAg result|{\"ecog\": 1, \"liver\": {}, \"hepatitis\": {\"hbsAg\": \"REACTIVE\"}}|hepatitis.hbsAg",
            "negative HBV DNA|{\"ecog\": 1, \"liver\": {}, \"hepatitis\": {\"hbvDnaIuMl\": -5}}|hepatitis.hbvDnaIuMl",
            "pregnancy as text|{\"ecog\": 1, \"liver\": {}, \"risks\": {\"pregnant\": \"yes\"}}|risks.pregnant",
            "negative steroid dose|{\"ecog\": 1, \"liver\": {}, \"currentSteroidMgPrednisone\": -10}|currentSteroidMgPrednisone",
            "unknown attributed agent|{\"ecog\": 1, \"liver\": {}, \"adverseEvents\": [{\"term\": \"HAEMORRHAGE\", \"grade\": 3, \"attributedAgent\": \"WARFARIN\"}]}|adverseEvents[0].attributedAgent",
            "attributed agent alias|{\"ecog\": 1, \"liver\": {}, \"adverseEvents\": [{\"term\": \"RASH\", \"grade\": 1, \"attributedAgent\": \"APATINIB\"}]}|adverseEvents[0].attributedAgent",
            "null body|null|(body)",
            "array body|[]|(body)"})
    void badInputGetsA400ProblemNamingTheField(String name, String body, String field) {
        Http.Reply r = http.post("/api/v1/guidance", body);
        assertThat(r.status()).as(name).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("title").asText()).isEqualTo("Invalid request");
        assertThat(p.get("errors").findValuesAsText("field")).as(name).anyMatch(f -> f.equals(field) || f.startsWith(field));
        assertThat(r.body()).doesNotContain("at org.").doesNotContain("Exception");
    }

    @Test
    void thePatientSafetyInputsAreReadAndActedOn() {
        Http.Reply r = http.post("/api/v1/guidance", """
                {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5},
                 "tumour": {"afpNgMl": 50, "histology": "COMBINED_HCC_CCA"},
                 "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "bestResponse": "SD", "outcome": "INTOLERANCE"}],
                 "adverseEvents": [{"term": "HAEMORRHAGE", "grade": 3, "immuneRelated": false, "resolved": true, "attributedAgent": "BEVACIZUMAB"}],
                 "risks": {"endoscopyWithinSixMonths": true, "pregnant": false, "breastfeeding": true},
                 "hepatitis": {"hbsAg": "POSITIVE", "antiHbc": "POSITIVE", "hbvDnaIuMl": 1500, "antiviralTherapy": false, "hcvRna": "NOT_DETECTED"},
                 "labs": {"plateletsE9L": 74, "egfrMlMin": 60, "urineProteinGPer24h": 0.4},
                 "currentSteroidMgPrednisone": 0}
                """);
        assertThat(r.status()).isEqualTo(200);
        JsonNode g = r.json();
        assertThat(g.get("alerts").findValuesAsText("code")).contains("HBV_PROPHYLAXIS", "HISTOLOGY_OUTSIDE_EVIDENCE",
                "BREASTFEEDING", "PLATELETS_BELOW_TRIAL_ENTRY");
        assertThat(g.at("/derived/antiVegfContraindicated").asBoolean()).isTrue();
        assertThat(g.at("/recommendations/0/code").asText()).isEqualTo("MDT_DISCUSSION");
        assertThat(g.at("/recommendations/1/code").asText()).isEqualTo("CONTINUE_IMMUNOTHERAPY");
        assertThat(g.at("/recommendations/1/title").asText()).isEqualTo("Continue ATEZOLIZUMAB alone");
        assertThat(g.at("/recommendations/1/strength").asText()).isEqualTo("CONSIDER");
    }

    @Test
    void severalInvalidFieldsAreAllNamed() {
        Http.Reply r = http.post("/api/v1/guidance", "{\"ecog\": 9, \"liver\": {\"inr\": -2, \"albuminGDl\": -1}}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").findValuesAsText("field")).contains("ecog", "liver.inr", "liver.albuminGDl");
    }

    @Test
    void incompleteButWellFormedInputGets200WithMissingData() {
        Http.Reply r = http.post("/api/v1/guidance", "{\"ecog\": 1, \"liver\": {}}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("missingData").findValuesAsText("field")).contains("liver");
    }

    @Test
    void oversizedBodiesGet413AndWrongMediaTypes415() {
        byte[] big = ("{\"ecog\": 1, \"liver\": {}, \"patientRef\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        Http.Reply r = http.postBytes("/api/v1/guidance", big, "application/json");
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        Http.Reply text = http.postBytes("/api/v1/guidance", "{}".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(text.status()).isEqualTo(415);
    }

    @Test
    void rulesetInfoNamesVersionSourceFilesAndRuleCount() {
        JsonNode rs = http.get("/api/v1/ruleset").json();
        assertThat(rs.get("loaded").asBoolean()).isTrue();
        assertThat(rs.get("version").asText()).matches("sha256:[0-9a-f]{64}");
        assertThat(rs.get("source").asText()).isEqualTo("folder");
        assertThat(http.get("/api/v1/ruleset", "admin", "admin-secret").json().get("source").asText())
                .startsWith("folder:/").endsWith("rules");
        assertThat(rs.get("files").toString()).contains("catalogue/regimens.csv").contains("evidence/evidence.csv");
        assertThat(rs.get("ruleCount").asInt()).isGreaterThan(100);
        assertThat(rs.get("loadedAt").asText()).isNotBlank();
    }

    @Test
    void healthIsUpWithTheActiveVersionAndOnlyHealthInfoAndMetricsAreExposed() {
        Http.Reply health = http.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asText()).isEqualTo("UP");
        assertThat(health.json().has("components")).as("details are for admins").isFalse();
        Http.Reply adminHealth = http.get("/actuator/health", "admin", "admin-secret");
        assertThat(adminHealth.json().at("/components/ruleset/details/version").asText()).startsWith("sha256:");
        assertThat(http.get("/actuator/health", "client", "client-secret").json().has("components")).isFalse();
        assertThat(http.get("/actuator/info").status()).isEqualTo(200);
        // Endpoints that are not exposed do not exist, and anonymous callers are not told so either.
        assertThat(http.get("/actuator/env").status()).isEqualTo(401);
        assertThat(http.get("/actuator/env", "admin", "admin-secret").status()).isEqualTo(404);
        assertThat(http.get("/actuator/beans", "admin", "admin-secret").status()).isEqualTo(404);
        assertThat(http.get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(http.get("/actuator/metrics", "admin", "admin-secret").status()).isEqualTo(200);
    }

    @Test
    void openApiDescribesTheEndpoints() {
        Http.Reply docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().at("/paths").toString()).contains("/api/v1/guidance").contains("/api/v1/ruleset");
        assertThat(docs.body()).contains("PatientCase");
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void adminEndpointsNeedTheAdminRole() {
        assertThat(http.post("/api/v1/ruleset/reload", "").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/ruleset/reload", "", "admin", "wrong").status()).isEqualTo(401);
        Http.Reply client = http.post("/api/v1/ruleset/reload", "", "client", "client-secret");
        assertThat(client.status()).isEqualTo(403);
        assertThat(client.contentType()).startsWith("application/problem+json");
        Http.Reply admin = http.post("/api/v1/ruleset/reload", "", "admin", "admin-secret");
        assertThat(admin.status()).isEqualTo(200);
        assertThat(admin.json().get("status").asText()).isEqualTo("UNCHANGED");
    }

    @Test
    void reEvaluationAgainstAStoredVersionIsAdminOnly() {
        String version = http.get("/api/v1/ruleset").json().get("version").asText();
        assertThat(http.post("/api/v1/guidance?rulesetVersion=" + version, PATIENT).status()).isEqualTo(401);
        Http.Reply r = http.post("/api/v1/guidance?rulesetVersion=" + version, PATIENT, "admin", "admin-secret");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().at("/audit/rulesetVersion").asText()).isEqualTo(version);
        Http.Reply unknown = http.post("/api/v1/guidance?rulesetVersion=sha256:" + "0".repeat(64), PATIENT, "admin", "admin-secret");
        assertThat(unknown.status()).isEqualTo(404);
        Http.Reply bad = http.post("/api/v1/guidance?rulesetVersion=latest", PATIENT, "admin", "admin-secret");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void theScenarioSuiteRunsOverHttpForAdmins() {
        assertThat(http.post("/api/v1/scenarios/run", "{}", "client", "client-secret").status()).isEqualTo(403);
        Http.Reply r = http.post("/api/v1/scenarios/run", "{}", "admin", "admin-secret");
        assertThat(r.status()).isEqualTo(200);
        JsonNode suite = r.json();
        assertThat(suite.get("scenarios").size()).isGreaterThanOrEqualTo(40);
        assertThat(suite.at("/coverage/percent").asDouble()).isEqualTo(100.0);
        assertThat(suite.get("scenarios").findValuesAsText("passed")).containsOnly("true");
        Http.Reply missing = http.post("/api/v1/scenarios/run", "{\"rulesDir\": \"/no/such/folder\"}", "admin", "admin-secret");
        assertThat(missing.status()).isEqualTo(400);
    }
}
