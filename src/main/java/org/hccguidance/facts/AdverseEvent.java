package org.hccguidance.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An adverse event on earlier therapy, graded by CTCAE (1-5). */
public record AdverseEvent(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}") String term,
        @NotNull @Min(1) @Max(5) Integer grade,
        Boolean immuneRelated,
        Boolean resolved) {
}
