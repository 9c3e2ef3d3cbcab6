package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
/** Comorbid risks that bar anti-VEGF or immunotherapy. Absent means unknown. */
@Schema(description = "Comorbid risks that bar anti-VEGF therapy or immunotherapy. Each left out is unknown, and the "
        + "answer asks for it.")
public record Risks(
        @Schema(description = "Recent variceal bleeding (bars VEGF-targeting therapy).")
        Boolean recentVaricealBleeding,
        @Schema(description = "Untreated high-risk oesophageal or gastric varices (bars VEGF-targeting therapy).")
        Boolean untreatedHighRiskVarices,
        @Schema(description = "A major bleeding event (bars VEGF-targeting therapy).")
        Boolean majorBleedingEvent,
        @Schema(description = "Uncontrolled arterial hypertension (bars VEGF-targeting therapy).")
        Boolean uncontrolledHypertension,
        @Schema(description = "Recent arterial thromboembolism (bars VEGF-targeting therapy).")
        Boolean recentArterialThromboembolism,
        @Schema(description = "Nephrotic-range proteinuria (bars VEGF-targeting therapy).")
        Boolean nephroticProteinuria,
        @Schema(description = "Active autoimmune disease (bars immune checkpoint inhibitors).")
        Boolean activeAutoimmuneDisease,
        @Schema(description = "A solid organ transplant, including liver (bars immune checkpoint inhibitors).")
        Boolean organTransplant) {
}
