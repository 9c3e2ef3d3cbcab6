package org.hccguidance.api;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import org.hccguidance.security.EndpointAccess;
import org.hccguidance.security.EndpointAccess.Tier;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Adds to every operation what the controllers do not say themselves, from the code that decides it:
 * <ul>
 *   <li>who may call it: the tier {@link EndpointAccess} gives its method and path (and each query
 *       parameter that changes the tier, such as {@code rulesetVersion}), as security requirements;</li>
 *   <li>how it fails: the errors every operation of its kind can return, as {@code application/problem+json}
 *       with the {@code Problem} schema; an error response a controller declares with a description only
 *       gets the same content;</li>
 *   <li>examples: real scenario patients and the guidance the live rule set gives them.</li>
 * </ul>
 * An operation added later gets all of this without anyone remembering to: a new endpoint is admin-only
 * until listed in {@link EndpointAccess}, and its document says so.
 */
final class OpenApiContract implements OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/Problem";

    private final EndpointAccess access;
    private final boolean clientAuthRequired;
    private final ScenarioExamples examples;

    OpenApiContract(EndpointAccess access, boolean clientAuthRequired, ScenarioExamples examples) {
        this.access = access;
        this.clientAuthRequired = clientAuthRequired;
        this.examples = examples;
    }

    /**
     * Descriptions for the engine's records that appear in answers; the engine stays free of web
     * annotations, so they are given here.
     */
    private static final Map<String, Map<String, String>> ENGINE_TYPES = Map.of(
            "BuildError", Map.of(
                    "", "One reason a rule set was refused: the file and line (DRL) or row (decision table), and the error.",
                    "file", "Rule file, relative to the rule folder.",
                    "line", "Line in a DRL file, 1-based; null for a decision table.",
                    "row", "Row of a decision table (spreadsheet or CSV), 1-based; null for a DRL file.",
                    "message", "The error, in English."),
            "RuleRef", Map.of(
                    "", "A rule of a compiled rule set.",
                    "file", "Rule file, relative to the rule folder.",
                    "packageName", "Drools package of the rule.",
                    "name", "Rule name (for a decision table, the table's name and row)."));

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getPaths() == null) {
            return;
        }
        // Springdoc drops component schemas nothing referred to before customizers ran; the problem
        // schemas are referred to only from here on, so they are added here.
        ModelConverters.getInstance().readAll(ProblemDocument.class)
                .forEach(openApi.getComponents()::addSchemas);
        describeEngineTypes(openApi);
        if (openApi.getTags() != null) {
            // Controllers register tags in the order Spring finds them; readers look them up by name.
            openApi.getTags().sort(java.util.Comparator.comparing(io.swagger.v3.oas.models.tags.Tag::getName));
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, op) -> describe(path, method, op)));
        examples.addTo(openApi);
    }

    private void describe(String path, PathItem.HttpMethod method, Operation op) {
        Tier tier = access.tierOf(new ProbeRequest(method.name(), path, Set.of()));
        boolean adminSomewhere = tier == Tier.ADMIN;
        for (Parameter p : op.getParameters() == null ? List.<Parameter>of() : op.getParameters()) {
            if ("query".equals(p.getIn()) && tier != Tier.ADMIN
                    && access.tierOf(new ProbeRequest(method.name(), path, Set.of(p.getName()))) == Tier.ADMIN) {
                adminSomewhere = true;
                p.setDescription("**Admin only** (`adminBasic`): " + (p.getDescription() == null ? "" : p.getDescription()));
            }
        }
        if (op.getSecurity() == null) {
            op.setSecurity(requirements(tier));
        }
        ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
        op.setResponses(responses);
        boolean hasBody = op.getRequestBody() != null;
        boolean hasParameters = op.getParameters() != null && !op.getParameters().isEmpty();
        if (hasBody || hasParameters) {
            add(responses, "400", "Invalid request: the body is not readable JSON, does not match the schema "
                    + "(unknown field, duplicate key, wrong type, value out of range) or a parameter is malformed. "
                    + "`errors` names each field at fault.");
        }
        add(responses, "401", tier == Tier.API && !clientAuthRequired
                ? "Wrong credentials were sent" + (adminSomewhere ? ", or an admin-only parameter was used without them" : "")
                + " (the `WWW-Authenticate` header names the Basic realm)."
                : "Credentials are missing or wrong (the `WWW-Authenticate` header names the Basic realm).");
        if (adminSomewhere) {
            add(responses, "403", "The account lacks the ADMIN role, or admin operations are disabled because no "
                    + "admin password is configured (the detail says which).");
        }
        if (hasBody) {
            add(responses, "413", "The request body is larger than the configured limit "
                    + "(`guidance.request.max-body-bytes`, 256 KiB by default).");
            add(responses, "415", "The request's Content-Type is not `application/json`.");
        }
        add(responses, "500", "The service failed: a rule evaluation was stopped by a limit (`limit` and `rule` say "
                + "which) or an unexpected fault, logged by type without request data.");
        responses.forEach((code, response) -> {
            if (code.charAt(0) >= '4' && response.get$ref() == null
                    && (response.getContent() == null || response.getContent().isEmpty())) {
                response.setContent(problemContent());
            }
        });
        sortByStatus(op);
    }

    @SuppressWarnings("rawtypes")
    private static void describeEngineTypes(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        ENGINE_TYPES.forEach((type, texts) -> {
            Schema<?> schema = schemas == null ? null : schemas.get(type);
            if (schema == null) {
                return;
            }
            schema.setDescription(texts.get(""));
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    if (texts.containsKey(name)) {
                        property.setDescription(texts.get(name));
                    }
                    if ("line".equals(name) || "row".equals(name)) {
                        property.setNullable(true);
                    }
                });
            }
        });
    }

    /**
     * A controller declares an error response with {@code @ApiResponse(responseCode, description)} only;
     * springdoc fills in the operation's success media type and schema, which an error never has. The
     * error answer is a problem document, so that is what the document says. A response declared with
     * content of its own (the reload's 422, a {@code ReloadOutcome}) keeps it.
     */
    static OperationCustomizer declaredProblemResponses() {
        return (operation, handler) -> {
            for (io.swagger.v3.oas.annotations.responses.ApiResponse declared : AnnotatedElementUtils
                    .findMergedRepeatableAnnotations(handler.getMethod(), io.swagger.v3.oas.annotations.responses.ApiResponse.class)) {
                ApiResponse response = operation.getResponses() == null ? null
                        : operation.getResponses().get(declared.responseCode());
                if (response != null && declared.responseCode().charAt(0) >= '4' && declared.content().length == 0) {
                    response.setContent(problemContent());
                }
            }
            return operation;
        };
    }

    private List<SecurityRequirement> requirements(Tier tier) {
        List<SecurityRequirement> out = new ArrayList<>();
        switch (tier) {
            case OPEN -> out.add(new SecurityRequirement());
            case API -> {
                if (!clientAuthRequired) {
                    out.add(new SecurityRequirement());
                }
                out.add(new SecurityRequirement().addList(OpenApiConfiguration.CLIENT_SCHEME));
                out.add(new SecurityRequirement().addList(OpenApiConfiguration.ADMIN_SCHEME));
            }
            case ADMIN -> out.add(new SecurityRequirement().addList(OpenApiConfiguration.ADMIN_SCHEME));
        }
        return out;
    }

    private static void add(ApiResponses responses, String code, String description) {
        if (!responses.containsKey(code)) {
            responses.addApiResponse(code, new ApiResponse().description(description));
        }
    }

    static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    /** Responses in status order, so the document reads (and diffs) the same way every time. */
    private static void sortByStatus(Operation op) {
        Map<String, ApiResponse> sorted = new TreeMap<>(op.getResponses());
        ApiResponses responses = new ApiResponses();
        responses.putAll(new LinkedHashMap<>(sorted));
        responses.setExtensions(op.getResponses().getExtensions());
        op.setResponses(responses);
    }
}
