package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A matching trial withheld from the patient: every reason, and the rules that gave them. */
@Schema(description = "A matching trial withheld from the patient, with every reason.")
public record TrialNotOffered(
        @Schema(description = "Registry identifier (ClinicalTrials.gov NCT number).", example = "NCT04435977")
        String id,
        @Schema(description = "Every reason, joined with `; `.")
        String reason,
        @Schema(description = "Names of the rules that withheld it.")
        List<String> firedBy) {

    public TrialNotOffered {
        firedBy = List.copyOf(firedBy);
    }
}
