package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One earlier line of systemic therapy. The regimen code must be one the active rule set's regimen
 * catalogue knows; that check happens against the catalogue, not here.
 */
@Schema(description = "One earlier line of systemic therapy.")
public record PriorTherapy(
        @Schema(description = "Regimen code from the active rule set's regimen catalogue (`GET /api/v1/ruleset` lists "
                + "the catalogue file); an unknown code is refused with 400.", example = "ATEZOLIZUMAB_BEVACIZUMAB")
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}") String regimen,
        @Schema(description = "Line of systemic therapy, 1 for first line.")
        @NotNull @Min(1) @Max(20) Integer line,
        @Schema(description = "Best radiological response on this line (RECIST): `CR` complete, `PR` partial, `SD` stable "
                + "disease, `PD` progressive disease.")
        BestResponse bestResponse,
        @Schema(description = "Why the line ended: `PROGRESSION`, `INTOLERANCE` (stopped for toxicity) or `COMPLETED` "
                + "(a fixed course finished).")
        @NotNull TherapyOutcome outcome) {
}
