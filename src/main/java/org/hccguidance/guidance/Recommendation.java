package org.hccguidance.guidance;

import java.util.List;

/** An option offered to the clinician, ranked, with why and on what evidence. */
public record Recommendation(String code, Category category, Strength strength, int rank, String title,
                             String rationale, RecommendationGrade grade, List<EvidenceItem> evidence,
                             List<String> cautions, List<String> firedBy) {
}
