package org.hccguidance.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * One earlier line of systemic therapy. The regimen code must be one the active rule set's regimen
 * catalogue knows; that check happens against the catalogue, not here.
 */
public record PriorTherapy(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}") String regimen,
        @NotNull @Min(1) @Max(20) Integer line,
        BestResponse bestResponse,
        @NotNull TherapyOutcome outcome) {
}
