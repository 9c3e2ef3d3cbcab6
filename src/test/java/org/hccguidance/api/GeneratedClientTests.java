package org.hccguidance.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hccguidance.client.ApiClient;
import org.hccguidance.client.ApiException;
import org.hccguidance.client.api.GuidanceApi;
import org.hccguidance.client.api.RulesetApi;
import org.hccguidance.client.model.Activation;
import org.hccguidance.client.model.GuidanceResponse;
import org.hccguidance.client.model.Liver;
import org.hccguidance.client.model.PatientCase;
import org.hccguidance.client.model.Problem;
import org.hccguidance.client.model.RuleSetStatus;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioExpectations;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The Java client that openapi-generator builds from the committed contract (docs/openapi/openapi.json,
 * compiled as test sources only) against the real service on a random port: what an integration team
 * would do on day one. It evaluates every committee scenario's patient and gets answers that meet the
 * scenario's expectations, reads the rule set and its history, reproduces an answer on its stored rule
 * set version as admin, and receives bad input as a typed problem document.
 */
class GeneratedClientTests extends ContractService {

    @LocalServerPort
    int port;
    ApiClient client;

    @BeforeEach
    void client() {
        client = new ApiClient();
        client.updateBaseUri("http://127.0.0.1:" + port);
    }

    private ApiClient as(String[] account) {
        ApiClient c = new ApiClient();
        c.updateBaseUri("http://127.0.0.1:" + port);
        String token = Base64.getEncoder().encodeToString((account[0] + ":" + account[1]).getBytes(StandardCharsets.UTF_8));
        c.setRequestInterceptor(b -> b.header("Authorization", "Basic " + token));
        return c;
    }

    @Test
    void everyScenarioPatientGetsItsExpectedGuidanceThroughTheGeneratedClient() throws Exception {
        ObjectMapper clientJson = client.getObjectMapper();
        GuidanceApi guidance = new GuidanceApi(client);
        List<String> failures = new ArrayList<>();
        List<Scenario> scenarios = ScenarioLoader.fromDirectory(Path.of("scenarios"));
        assertThat(scenarios).hasSizeGreaterThan(40);
        for (Scenario s : scenarios) {
            // The scenario's patient, as the generated model: what a client system would have built.
            PatientCase patient = clientJson.readValue(PatientJson.mapper().writeValueAsString(s.patient()), PatientCase.class);
            GuidanceResponse answer = guidance.evaluateGuidance(patient, null);
            // Read back into the service's own model, so the committee's checks apply unchanged; a field
            // the generated model lost would be missing here.
            org.hccguidance.guidance.GuidanceResponse asService = PatientJson.mapper().readValue(
                    clientJson.writeValueAsString(answer), org.hccguidance.guidance.GuidanceResponse.class);
            ScenarioExpectations.failures(s, asService).forEach(f -> failures.add(s.id() + ": " + f));
            assertThat(answer.getAudit().getRulesetVersion()).matches("sha256:[0-9a-f]{64}");
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void theRuleSetAndItsHistoryAreTypedAndMatchTheAnswersAuditVersion() throws Exception {
        RulesetApi ruleset = new RulesetApi(client);
        RuleSetStatus status = ruleset.getRuleSet();
        assertThat(status.getLoaded()).isTrue();
        assertThat(status.getVersion()).matches("sha256:[0-9a-f]{64}");
        assertThat(status.getSource()).isEqualTo("folder");
        assertThat(status.getFiles()).contains("catalogue/regimens.csv");
        assertThat(status.getRuleCount()).isGreaterThan(100);
        List<Activation> history = ruleset.getRuleSetHistory();
        assertThat(history).extracting(Activation::getVersion).contains(status.getVersion());

        PatientCase patient = new PatientCase().ecog(1).liver(new Liver().childPughScore(5));
        GuidanceResponse live = new GuidanceApi(client).evaluateGuidance(patient, null);
        assertThat(live.getAudit().getRulesetVersion()).isEqualTo(status.getVersion());
        // Reproducibility: the admin re-evaluates on the version the answer names.
        GuidanceResponse again = new GuidanceApi(as(ADMIN)).evaluateGuidance(patient, live.getAudit().getRulesetVersion());
        assertThat(again.getRecommendations()).isEqualTo(live.getRecommendations());
    }

    @Test
    void aBadBodyIsA400ProblemTheClientReadsAsItsTypedModel() throws Exception {
        PatientCase noEcog = new PatientCase().liver(new Liver().inr(-1.0));
        ApiException e = catchThrowableOfType(ApiException.class, () -> new GuidanceApi(client).evaluateGuidance(noEcog, null));
        assertThat(e.getCode()).isEqualTo(400);
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getStatus()).isEqualTo(400);
        assertThat(problem.getTitle()).isEqualTo("Invalid request");
        assertThat(problem.getErrors()).extracting(org.hccguidance.client.model.ProblemError::getField)
                .containsExactly("ecog", "liver.inr");
        assertThat(problem.getMoreErrors()).isNull();
    }

    @Test
    void adminOnlyUseWithoutCredentialsIsA401Problem() throws Exception {
        PatientCase patient = new PatientCase().ecog(1).liver(new Liver().childPughScore(5));
        ApiException e = catchThrowableOfType(ApiException.class,
                () -> new GuidanceApi(client).evaluateGuidance(patient, "sha256:" + "0".repeat(64)));
        assertThat(e.getCode()).isEqualTo(401);
        Problem problem = client.getObjectMapper().readValue(e.getResponseBody(), Problem.class);
        assertThat(problem.getTitle()).isEqualTo("Authentication required");
        ApiException forbidden = catchThrowableOfType(ApiException.class,
                () -> new GuidanceApi(as(CLIENT)).evaluateGuidance(patient, "sha256:" + "0".repeat(64)));
        assertThat(forbidden.getCode()).isEqualTo(403);
    }
}
