package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

/** Which two rule sets to compare, and over which patients. */
@Schema(description = "Which two rule sets to compare, and over which patients. A rule set is named as `live` (the "
        + "version serving now), `refused` (the last refused candidate, while it is pending), a content hash of a version "
        + "that was live here (`sha256:…`, see the history), or a rule folder on the server's file system.")
public record ImpactRequest(
        @Schema(description = "The rule set to compare from; default `live`.", nullable = true, example = "live")
        String from,
        @Schema(description = "The rule set to compare to.", example = "refused")
        String to,
        @Schema(description = "A folder of patient JSON files on the server's file system to add to the cohort "
                + "(each file as the body of POST /api/v1/guidance).", nullable = true, example = "/srv/hcc-guidance/cohort")
        String patientsDir,
        @Schema(description = "How many generated patients to add to the cohort (0 to 20000; default 0).", nullable = true,
                minimum = "0", maximum = "20000", example = "2000")
        Integer generated,
        @Schema(description = "Seed of the generated-patient series; the same seed gives the same patients. Default: "
                + "the seed the reload gate uses.", nullable = true, example = "20251125")
        Long seed) {
}
