package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** A matching trial withheld from the patient: every reason, and the rules that gave them. */
@Schema(description = "A trial whose criteria the patient meets but that is not offered, with every reason.")
public record TrialNotOffered(
        @Schema(description = "Registry id of the trial, e.g. NCT04826406.", example = "NCT04826406")
        String id,
        @Schema(description = "Why it is not offered, e.g. an agent barred by a contraindication or one the patient progressed on; "
                + "reasons beginning \"withheld by safety check\" come from the safety net.")
        String reason,
        @Schema(description = "Names of the rules that withheld it.")
        List<String> firedBy) {

    public TrialNotOffered {
        firedBy = List.copyOf(firedBy);
    }
}
