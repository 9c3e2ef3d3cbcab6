package org.hccguidance.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.PatientRequestReader;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioGateService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Request and response examples that are real: the patients of the committee scenarios named in
 * {@code guidance.openapi.example-scenarios}, read by the scenario loader from the configured scenario
 * folder, and the guidance the live rule set gives each of them when the document is first served.
 * A hand-written example drifts from the schema and from the rules; these cannot.
 *
 * <p>Every operation whose request body is a {@code PatientCase} gets them, and its 400 answer gets the
 * problem document the service really produces for a bad body. A scenario that no longer exists, or a
 * service with no rule set loaded yet, costs the examples (logged), never the document.
 */
final class ScenarioExamples {

    private static final Logger log = LoggerFactory.getLogger(ScenarioExamples.class);
    private static final String PATIENT_REF = "#/components/schemas/PatientCase";
    /** Two faults the reader reports, the second only once the first is fixed: a real first answer. */
    private static final String BAD_BODY = "{\"ecog\": 7, \"liver\": {\"ascites\": \"LOTS\"}}";

    private final List<String> ids;
    private final Supplier<ScenarioGateService> scenarios;
    private final Supplier<GuidanceService> service;
    /** The service's own mapper, so that examples are written exactly as answers are. */
    private final ObjectMapper json;
    /** Patients as a committee writes them: absent fields left out, not spelt null. */
    private final ObjectMapper patientJson;

    ScenarioExamples(List<String> ids, Supplier<ScenarioGateService> scenarios, Supplier<GuidanceService> service,
                     ObjectMapper json) {
        this.ids = List.copyOf(ids);
        this.scenarios = scenarios;
        this.service = service;
        this.json = json;
        this.patientJson = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    void addTo(OpenAPI openApi) {
        List<Scenario> chosen = chosen();
        openApi.getPaths().values().forEach(item -> item.readOperations().stream()
                .filter(ScenarioExamples::takesPatient)
                .forEach(op -> {
                    MediaType request = op.getRequestBody().getContent().get(org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                    MediaType response = mediaType(op.getResponses().get("200"), org.springframework.http.MediaType.APPLICATION_JSON_VALUE);
                    for (Scenario s : chosen) {
                        String key = s.id().replace('/', '-');
                        request.addExamples(key, new Example().summary(s.title()).description(
                                "The patient of committee scenario `" + s.id() + "` (source: " + s.source() + ").")
                                .value(patientJson.valueToTree(s.patient())));
                        // Only an answer that is guidance gets the guidance example (explain answers with an Explanation).
                        if (response != null && response.getSchema() != null
                                && String.valueOf(response.getSchema().get$ref()).endsWith("/GuidanceResponse")) {
                            guidance(s).ifPresent(g -> response.addExamples(key, new Example().summary(s.title())
                                    .description("The guidance for the patient of scenario `" + s.id() + "`, as the rule set "
                                            + "live when this document was first served gave it.")
                                    .value(g)));
                        }
                    }
                    MediaType invalid = mediaType(op.getResponses().get("400"), OpenApiContract.PROBLEM_JSON);
                    if (invalid != null) {
                        invalid.addExamples("invalid-patient", new Example().summary("An out-of-range value and an unknown "
                                + "enum value; the reader reports the unreadable value first")
                                .description("The answer to the body `" + BAD_BODY + "`.").value(badBodyAnswer()));
                    }
                }));
    }

    private List<Scenario> chosen() {
        if (ids.isEmpty()) {
            return List.of();
        }
        ScenarioGateService source = scenarios.get();
        if (source == null) {
            return List.of();
        }
        Map<String, Scenario> all;
        try {
            all = source.scenarios().stream().collect(Collectors.toMap(Scenario::id, Function.identity()));
        } catch (RuntimeException e) {
            log.warn("OpenAPI examples left out: the scenario folder cannot be read ({})", e.getClass().getSimpleName());
            return List.of();
        }
        Map<String, Scenario> chosen = new LinkedHashMap<>();
        for (String id : ids) {
            Scenario s = all.get(id);
            if (s == null) {
                log.warn("OpenAPI example scenario '{}' does not exist; see guidance.openapi.example-scenarios", id);
            } else {
                chosen.put(id, s);
            }
        }
        return List.copyOf(chosen.values());
    }

    private Optional<JsonNode> guidance(Scenario s) {
        GuidanceService guidance = service.get();
        if (guidance == null) {
            return Optional.empty();
        }
        try {
            GuidanceResponse g = guidance.evaluate(s.patient());
            ObjectNode tree = json.valueToTree(g);
            // The document is public; where the rules live on this host is for admins only.
            JsonNode source = tree.path("audit").path("rulesetSource");
            if (source.isTextual() && source.asText().contains(":")) {
                ((ObjectNode) tree.get("audit")).put("rulesetSource", source.asText().substring(0, source.asText().indexOf(':')));
            }
            return Optional.of(tree);
        } catch (RuntimeException e) {
            log.warn("OpenAPI response example for scenario '{}' left out: {}", s.id(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    private JsonNode badBodyAnswer() {
        try {
            PatientRequestReader.read(BAD_BODY.getBytes(StandardCharsets.UTF_8));
            throw new IllegalStateException("the example bad body was accepted");
        } catch (InvalidPatientException e) {
            ProblemDetail pd = ProblemAdvice.document(HttpStatus.BAD_REQUEST, "Invalid request", null, e.problems(),
                    p -> p.field() + ": " + p.message());
            pd.setInstance(URI.create("/api/v1/guidance"));
            return json.valueToTree(pd);
        }
    }

    private static boolean takesPatient(Operation op) {
        return op.getRequestBody() != null && op.getRequestBody().getContent() != null
                && op.getRequestBody().getContent().values().stream()
                .anyMatch(m -> m.getSchema() != null && PATIENT_REF.equals(m.getSchema().get$ref()));
    }

    private static MediaType mediaType(ApiResponse response, String type) {
        return response == null || response.getContent() == null ? null : response.getContent().get(type);
    }
}
