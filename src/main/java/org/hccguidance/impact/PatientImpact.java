package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** Every difference in one patient's guidance between the two rule sets. */
@Schema(description = "Every difference in one patient's guidance between the two rule sets.")
public record PatientImpact(
        @Schema(description = "Scenario id, patient file name, or `generated:<seed>:<index>`.", example = "post-io/ramucirumab-afp-high")
        String patient,
        @Schema(description = "Where the patient comes from.")
        CohortPatient.Source source,
        @Schema(description = "The differences, in the order of the answer's sections.")
        List<Change> changes) {

    public PatientImpact {
        changes = List.copyOf(changes);
    }
}
