package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A recruiting trial whose eligibility the patient meets, with the criteria checked and the agents it gives. */
@Schema(description = "A recruiting trial whose eligibility the patient meets.")
public record TrialMatch(
        @Schema(description = "Registry identifier (ClinicalTrials.gov NCT number).", example = "NCT05199285")
        String id,
        @Schema(description = "Trial title.")
        String title,
        @Schema(description = "The eligibility criteria checked and met.")
        List<String> criteriaMet,
        @Schema(description = "The agents the trial gives.")
        List<String> interventions) {

    public TrialMatch {
        criteriaMet = List.copyOf(criteriaMet);
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }
}
