package org.hccguidance.cdshooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The CDS Hooks 2.0 JSON documents this service writes, as records. Empty and null members are left
 * out, as the specification requires ("JSON elements SHALL NOT be null ... SHALL NOT be empty"), except
 * the {@code cards} array, which is always present (an empty array means no guidance).
 */
public final class CdsJson {

    private CdsJson() {
    }

    /** Discovery: {@code GET /cds-services}. */
    public record Services(List<Service> services) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Service(String hook, String title, String description, String id, Map<String, String> prefetch,
                          String usageRequirements) {
    }

    /** A service's answer. */
    public record Response(@JsonInclude(JsonInclude.Include.ALWAYS) List<Card> cards) {

        public static Response none() {
            return new Response(List.of());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Card(String uuid, String summary, String detail, String indicator, Source source,
                       List<Suggestion> suggestions, String selectionBehavior, List<Coding> overrideReasons,
                       List<Link> links) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Source(String label, String url, String icon, Coding topic) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Suggestion(String label, String uuid, Boolean isRecommended, List<Action> actions) {
    }

    /** {@code resource} holds FHIR JSON as produced by HAPI, written as is. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Action(String type, String description, @JsonRawValue String resource, String resourceId) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Link(String label, String url, String type, String appContext) {
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Coding(String system, String code, String display) {
    }

    /** A CDS Hooks request, checked against the specification by {@link CdsRequests#read}. */
    public record Request(String hook, String hookInstance, String fhirServer, FhirAuthorization fhirAuthorization,
                          JsonNode context, Map<String, JsonNode> prefetch) {

        public String patientId() {
            return context.path("patientId").asText();
        }

        /** Requests carry patient data: toString gives the hook only. */
        @Override
        public String toString() {
            return "Request[" + hook + "]";
        }
    }

    /** The access token a CDS client hands over for its FHIR server; never logged. */
    public record FhirAuthorization(String accessToken, String tokenType, long expiresIn, String scope, String subject,
                                    String patient) {

        @Override
        public String toString() {
            return "FhirAuthorization[redacted]";
        }
    }
}
