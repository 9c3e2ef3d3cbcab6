package org.hccguidance.api;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The shape of every error answer, for the OpenAPI document only: {@link ProblemAdvice} and the
 * security handlers build the real documents as Spring {@code ProblemDetail}s. A contract test checks
 * that every error the service really sends has no key this record does not describe.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem document (media type application/problem+json). "
        + "Every error answer of this API has this shape; `errors` lists each problem found, at most 100, "
        + "and `moreErrors` counts those left out.")
record ProblemDocument(
        @Schema(description = "A URI naming the kind of problem; `about:blank` when the HTTP status says it all, "
                + "`urn:hcc-guidance:evaluation:<limit>` when a rule evaluation was stopped.",
                format = "uri-reference", example = "about:blank", requiredMode = Schema.RequiredMode.REQUIRED)
        String type,
        @Schema(description = "A short, fixed summary of the kind of problem.", example = "Invalid request",
                requiredMode = Schema.RequiredMode.REQUIRED)
        String title,
        @Schema(description = "The HTTP status code of this answer.", minimum = "400", maximum = "599", example = "400",
                requiredMode = Schema.RequiredMode.REQUIRED)
        int status,
        @Schema(description = "What went wrong, in English; for bad input every problem as `field: message`, "
                + "separated by `; `. Never contains a stack trace or patient values beyond the field names.",
                example = "ecog: must be less than or equal to 4")
        String detail,
        @Schema(description = "The request path this answer is about.", format = "uri-reference",
                example = "/api/v1/guidance")
        String instance,
        @ArraySchema(arraySchema = @Schema(description = "Each problem found, at most 100: a request field and what "
                + "is wrong with it (400), or a rule file location and the error there (422)."), maxItems = 100)
        List<ProblemError> errors,
        @Schema(description = "How many further problems were found but not listed (present only when over 100).",
                minimum = "1", example = "12")
        Integer moreErrors,
        @Schema(description = "For a stopped evaluation (500): what stopped it: `FIRING_LIMIT`, `TIME_LIMIT`, "
                + "`FACT_LIMIT`, `MATCH_LIMIT` (a configured cap was reached) or `RULE_ERROR` (a rule threw).",
                allowableValues = {"FIRING_LIMIT", "TIME_LIMIT", "FACT_LIMIT", "MATCH_LIMIT", "RULE_ERROR"})
        String limit,
        @Schema(description = "For a stopped evaluation (500): the rule that was running, when known.")
        String rule) {
}
