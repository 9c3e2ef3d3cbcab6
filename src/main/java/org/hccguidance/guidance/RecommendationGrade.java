package org.hccguidance.guidance;

/** What a recommendation says about its evidence: quality, strength of recommendation and source. */
public record RecommendationGrade(EvidenceQuality evidenceQuality, RecommendationStrength recommendationStrength,
                                  String basis) {

    /** For an option the grades table has no row for: shown as such, so a committee notices. */
    public static final RecommendationGrade UNGRADED = new RecommendationGrade(EvidenceQuality.INSUFFICIENT,
            RecommendationStrength.WEAK, "ungraded: no row in the grades table");
}
