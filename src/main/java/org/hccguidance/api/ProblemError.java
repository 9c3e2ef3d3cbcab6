package org.hccguidance.api;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One entry of a problem document's {@code errors} list, for the OpenAPI document only. Bad input
 * gives {@code field} and {@code message} ({@link org.hccguidance.facts.FieldProblem}); a refused rule
 * set gives {@code file}, {@code line} or {@code row}, and {@code message}
 * ({@link org.hccguidance.engine.BuildError}); a malformed scenario file gives {@code message} only.
 */
@Schema(name = "ProblemError", description = "One problem: a request field, or a rule or scenario file location, "
        + "and what is wrong there.")
record ProblemError(
        @Schema(description = "JSON path of the request field at fault, e.g. `liver.albuminGDl` or "
                + "`priorSystemicTherapies[0].regimen`; `(body)` when the body as a whole is unreadable.",
                example = "liver.ascites")
        String field,
        @Schema(description = "Rule file at fault, relative to the rule folder.", nullable = true,
                example = "post_io/sequencing.drl")
        String file,
        @Schema(description = "Line in the rule file (DRL), 1-based.", nullable = true, minimum = "0", example = "42")
        Integer line,
        @Schema(description = "Row in the decision table (spreadsheet or CSV), 1-based.", nullable = true,
                minimum = "1", example = "7")
        Integer row,
        @Schema(description = "What is wrong, in English.", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "not one of [NONE, MILD, MODERATE_SEVERE]")
        String message) {
}
