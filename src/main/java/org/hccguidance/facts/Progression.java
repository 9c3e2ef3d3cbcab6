package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** How the disease progressed on the last line. */
@Schema(description = "How the disease progressed on the last line.")
public record Progression(
        @Schema(description = "Radiological progression patterns, at most 5: `IHG` intrahepatic growth, `NIH` new "
                + "intrahepatic lesion, `EHG` extrahepatic growth, `NEH` new extrahepatic lesion, `NVI` new vascular invasion.")
        @Size(max = 5) List<@NotNull ProgressionPattern> patterns,
        @Schema(description = "Number of progressing lesions (a count).")
        @Min(0) @Max(1000) Integer progressingLesions,
        @Schema(description = "Whether the disease other than the progressing lesions is controlled (for oligoprogression).")
        Boolean otherDiseaseControlled) {

    public Progression {
        patterns = patterns == null ? List.of() : List.copyOf(patterns);
    }
}
