package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** An option offered to the clinician, ranked, with why and on what evidence. */
@Schema(description = "An option offered to the clinician, ranked, with why and on what evidence.")
public record Recommendation(
        @Schema(description = "Option code from the rule set's option catalogue.", example = "NIVOLUMAB_IPILIMUMAB")
        String code,
        @Schema(description = "Kind of action: `SYSTEMIC`, `LOCOREGIONAL`, `MOLECULAR_TARGETED`, `DIAGNOSTIC`, "
                + "`SUPPORTIVE`, `PROCESS` (such as multidisciplinary discussion).")
        Category category,
        @Schema(description = "How firmly it is offered: `STANDARD` (a guideline recommends it here), `CONSIDER` "
                + "(may be considered; single-arm or retrospective support), `INVESTIGATIONAL` (molecular or trial-only); "
                + "strongest first.")
        Strength strength,
        @Schema(description = "Position in the list, 1 first.", minimum = "1")
        int rank,
        @Schema(description = "Readable name of the option.")
        String title,
        @Schema(description = "Why it is offered for this patient.")
        String rationale,
        @Schema(description = "How strong the evidence is: quality (`HIGH`, `INTERMEDIATE`, `LOW`, `INSUFFICIENT`), "
                + "strength of the source's recommendation (`STRONG`, `MODERATE`, `WEAK`) and the source, from the grades table.")
        RecommendationGrade grade,
        @Schema(description = "Studies backing the option, from the evidence catalogue.")
        List<EvidenceItem> evidence,
        @Schema(description = "What a clinician must weigh before giving it.")
        List<String> cautions,
        @Schema(description = "Names of the rules that offered it.")
        List<String> firedBy) {
}
