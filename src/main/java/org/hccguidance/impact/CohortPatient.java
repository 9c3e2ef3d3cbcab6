package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.facts.PatientCase;

/** One patient of an impact cohort and where it came from. */
public record CohortPatient(String id, Source source, PatientCase patient) {

    /** Where a cohort patient comes from. */
    @Schema(description = "Where a cohort patient comes from: `SCENARIO` (a committee scenario), `FILE` (a patient JSON "
            + "file of the given folder) or `GENERATED` (the generated-patient series for a seed).")
    public enum Source { SCENARIO, FILE, GENERATED }
}
