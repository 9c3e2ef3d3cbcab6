package org.hccguidance.guidance;

/**
 * The grade of one option in the patient's guideline pathway, from the grades table: the quality of
 * the evidence, the strength of the source's recommendation, the source ({@code basis}: "ASCO 2024 rec
 * 2.1", "review section 5", "committee"), and the strength this guidance may give the option at most,
 * by the written rule in docs/clinical-logic.md (STANDARD only where a guideline recommends it here).
 */
public record Grade(String code, EvidenceQuality evidenceQuality, RecommendationStrength recommendationStrength,
                    String basis, Strength strength) {
}
