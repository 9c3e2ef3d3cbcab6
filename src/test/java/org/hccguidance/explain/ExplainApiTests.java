package org.hccguidance.explain;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.security.EndpointAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /api/v1/guidance/explain?code=CODE} over HTTP, on the shipped rules (the same context as GuidanceApiTests). */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.rules.dir=rules", "guidance.scenarios.dir=scenarios", "guidance.data.dir=target/test-data/api",
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD=admin-secret", "GUIDANCE_CLIENT_PASSWORD=client-secret"})
class ExplainApiTests {

    /** A distinctive AFP, so that the log check below cannot pass by chance. */
    static final String PATIENT = ExplainerTests.AFP_320.replace("\"afpNgMl\": 320", "\"afpNgMl\": 321.75")
            .replace("explain-1", "explain-log-marker-7731");

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void explainsAnExcludedOptionWithTheFailedConditionOfItsOffer() {
        Http.Reply r = http.post("/api/v1/guidance/explain?code=RAMUCIRUMAB", PATIENT);
        assertThat(r.status()).isEqualTo(200);
        JsonNode x = r.json();
        assertThat(x.get("code").asText()).isEqualTo("RAMUCIRUMAB");
        assertThat(x.get("status").asText()).isEqualTo("NOT_RECOMMENDED");
        assertThat(x.get("rulesetVersion").asText()).startsWith("sha256:");
        int conclusion = x.at("/conclusions/0").asInt();
        JsonNode step = null;
        for (JsonNode s : x.get("steps")) {
            if (s.get("step").asInt() == conclusion) {
                step = s;
            }
        }
        assertThat(step).isNotNull();
        assertThat(step.at("/rule/name").asText()).isEqualTo("Ramucirumab needs AFP of at least 400");
        assertThat(step.at("/rule/file").asText()).isEqualTo("post_io/ramucirumab.drl");
        assertThat(step.at("/rule/line").asInt()).isPositive();
        assertThat(x.at("/nearMisses/0/rule/name").asText()).isEqualTo("Ramucirumab when AFP is at or above the cut-off");
        assertThat(x.at("/nearMisses/0/why").asText()).isEqualTo("afpNgMl >= $cut: afpNgMl 321.75 < $cut 400");
    }

    @Test
    void explainsARecommendedOption() {
        Http.Reply r = http.post("/api/v1/guidance/explain?code=LENVATINIB", PATIENT);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asText()).isEqualTo("RECOMMENDED");
        assertThat(r.json().get("nearMisses").size()).isZero();
        assertThat(r.json().get("derived").size()).isEqualTo(3);
    }

    @Test
    void aCodeTheRuleSetDoesNotKnowIsABadRequestWithTheNearestCode() {
        Http.Reply r = http.post("/api/v1/guidance/explain?code=RAMUCIRUMB", PATIENT);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("code");
        assertThat(r.json().at("/errors/0/message").asText()).contains("did you mean 'RAMUCIRUMAB'?");

        Http.Reply missing = http.post("/api/v1/guidance/explain", PATIENT);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/errors/0/field").asText()).isEqualTo("code");

        Http.Reply odd = http.post("/api/v1/guidance/explain?code=RAMU%20CIRUMAB", PATIENT);
        assertThat(odd.status()).isEqualTo(400);

        Http.Reply badPatient = http.post("/api/v1/guidance/explain?code=LENVATINIB", "{\"ecog\": 7, \"liver\": {}}");
        assertThat(badPatient.status()).isEqualTo(400);
        assertThat(badPatient.json().at("/errors/0/field").asText()).isEqualTo("ecog");
    }

    @Test
    void explanationsNeverReachTheLogs(CapturedOutput output) {
        assertThat(http.post("/api/v1/guidance/explain?code=RAMUCIRUMAB", PATIENT).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/guidance/explain?code=NIVOLUMAB_IPILIMUMAB", PATIENT).status()).isEqualTo(200);
        assertThat(output.getAll()).doesNotContain("321.75").doesNotContain("explain-log-marker-7731")
                .doesNotContain("afpNgMl 321");
    }

    @Test
    void theEndpointIsInTheApiTierLikeGuidance() {
        EndpointAccess access = new EndpointAccess(false);
        MockHttpServletRequest explain = new MockHttpServletRequest("POST", "/api/v1/guidance/explain");
        explain.setParameter("code", "LENVATINIB");
        assertThat(access.tierOf(explain)).isEqualTo(EndpointAccess.Tier.API);
        assertThat(access.tierOf(new MockHttpServletRequest("GET", "/api/v1/guidance/explain"))).isEqualTo(EndpointAccess.Tier.ADMIN);
    }
}
