package org.hccguidance.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a CDS Hooks request body and checks it against the specification: {@code hook},
 * {@code hookInstance} (a UUID) and {@code context} are required; {@code fhirAuthorization} needs a
 * {@code fhirServer} and its own required members; {@code prefetch} is an object. Members the
 * specification adds later, and {@code extension}, are allowed. Every failure is a 400 naming the field.
 */
public final class CdsRequests {

    private static final Pattern UUID = Pattern.compile("(?i)(urn:uuid:)?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** FHIR bundles nest deeper than patient documents; anything beyond this is hostile. */
    static final int MAX_NESTING = 64;
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING).build());
    }

    private CdsRequests() {
    }

    public static JsonNode json(byte[] body) {
        if (body == null || body.length == 0) {
            throw new CdsRequestException("(body)", "request body is empty; send a CDS Hooks request as JSON");
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new CdsRequestException("(body)", "the body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new CdsRequestException("(body)", "malformed JSON"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (IOException e) {
            throw new CdsRequestException("(body)", "the body could not be read");
        }
    }

    public static CdsJson.Request read(byte[] body) {
        JsonNode root = json(body);
        String hook = text(root, "hook", true);
        String hookInstance = text(root, "hookInstance", true);
        if (!UUID.matcher(hookInstance).matches()) {
            throw new CdsRequestException("hookInstance", "must be a UUID");
        }
        JsonNode context = root.get("context");
        if (context == null || context.isNull()) {
            throw new CdsRequestException("context", "is required");
        }
        if (!context.isObject()) {
            throw new CdsRequestException("context", "must be an object");
        }
        String fhirServer = text(root, "fhirServer", false);
        CdsJson.FhirAuthorization auth = null;
        JsonNode a = root.get("fhirAuthorization");
        if (a != null && !a.isNull()) {
            if (!a.isObject()) {
                throw new CdsRequestException("fhirAuthorization", "must be an object");
            }
            if (fhirServer == null) {
                throw new CdsRequestException("fhirServer", "is required when fhirAuthorization is given");
            }
            String tokenType = text(a, "token_type", "fhirAuthorization.token_type", true);
            if (!tokenType.equals("Bearer")) {
                throw new CdsRequestException("fhirAuthorization.token_type", "must be 'Bearer'");
            }
            JsonNode expires = a.get("expires_in");
            if (expires == null || !expires.isIntegralNumber()) {
                throw new CdsRequestException("fhirAuthorization.expires_in", "is required and must be an integer");
            }
            auth = new CdsJson.FhirAuthorization(text(a, "access_token", "fhirAuthorization.access_token", true), tokenType,
                    expires.asLong(), text(a, "scope", "fhirAuthorization.scope", true),
                    text(a, "subject", "fhirAuthorization.subject", true), text(a, "patient", "fhirAuthorization.patient", false));
        }
        Map<String, JsonNode> prefetch = new LinkedHashMap<>();
        JsonNode p = root.get("prefetch");
        if (p != null && !p.isNull()) {
            if (!p.isObject()) {
                throw new CdsRequestException("prefetch", "must be an object of prefetch keys");
            }
            p.fields().forEachRemaining(e -> prefetch.put(e.getKey(), e.getValue()));
        }
        return new CdsJson.Request(hook, hookInstance.toLowerCase().replace("urn:uuid:", ""), fhirServer, auth, context, prefetch);
    }

    static String text(JsonNode node, String name, boolean required) {
        return text(node, name, name, required);
    }

    static String text(JsonNode node, String name, String field, boolean required) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw new CdsRequestException(field, "is required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new CdsRequestException(field, "must be a non-empty string");
        }
        return v.asText();
    }
}
