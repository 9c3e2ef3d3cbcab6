package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** An adverse event on earlier therapy, graded by CTCAE (1-5). */
@Schema(description = "An adverse event on earlier therapy, graded by CTCAE.")
public record AdverseEvent(
        @Schema(description = "The event, as an upper-case term.", example = "HEPATITIS")
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}") String term,
        @Schema(description = "CTCAE grade, 1 (mild) to 5 (death).")
        @NotNull @Min(1) @Max(5) Integer grade,
        @Schema(description = "Whether it was an immune-related adverse event (irAE).")
        Boolean immuneRelated,
        @Schema(description = "Whether it has resolved (to grade 1 or less).")
        Boolean resolved) {
}
