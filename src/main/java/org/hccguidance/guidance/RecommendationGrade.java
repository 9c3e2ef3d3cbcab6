package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;

/** What a recommendation says about its evidence: quality, strength of recommendation and source. */
@Schema(description = "The grade of a recommendation, from the grades table (option by guideline pathway).")
public record RecommendationGrade(
        @Schema(description = "Quality of the evidence: `HIGH`, `INTERMEDIATE`, `LOW` or `INSUFFICIENT` (ASCO methodology).")
        EvidenceQuality evidenceQuality,
        @Schema(description = "Strength of the source's recommendation: `STRONG`, `MODERATE` or `WEAK`.")
        RecommendationStrength recommendationStrength,
        @Schema(description = "The source, e.g. \"ASCO 2024 rec 2.1\", \"review section 5\", or \"committee\".",
                example = "ASCO 2024 rec 2.1")
        String basis) {

    /** For an option the grades table has no row for: shown as such, so a committee notices. */
    public static final RecommendationGrade UNGRADED = new RecommendationGrade(EvidenceQuality.INSUFFICIENT,
            RecommendationStrength.WEAK, "ungraded: no row in the grades table");
}
