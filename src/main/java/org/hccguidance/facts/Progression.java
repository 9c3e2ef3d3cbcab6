package org.hccguidance.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** How the disease progressed on the last line. */
public record Progression(
        @Size(max = 5) List<@NotNull ProgressionPattern> patterns,
        @Min(0) @Max(1000) Integer progressingLesions,
        Boolean otherDiseaseControlled) {

    public Progression {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }
}
