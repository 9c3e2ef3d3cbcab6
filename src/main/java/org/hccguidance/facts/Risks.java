package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Comorbid risks and states that bar, defer or shape therapy. Absent means unknown.
 *
 * <p>Definitions the rules rely on (docs/clinical-logic.md, "Patient-safety inputs"):
 * {@code recentVaricealBleeding} is a variceal bleed within the last 6 months (the IMbrave150 exclusion
 * window); {@code untreatedHighRiskVarices} are varices at high risk of bleeding (Baveno VII: medium or
 * large varices, small varices with red signs, or any varices in Child-Pugh C) that are not yet on
 * band ligation or a non-selective beta-blocker; {@code endoscopyWithinSixMonths} is an upper endoscopy
 * (or a documented reason to waive it, by Baveno VII criteria) within 6 months before the planned start.
 */
@Schema(description = "Comorbid risks and states that bar, defer or shape therapy. Each left out is unknown, and the "
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
        Boolean organTransplant,
        @Schema(description = "An upper endoscopy (or a documented Baveno VII reason to waive it) within 6 months before "
                + "the planned start; asked for before bevacizumab.")
        Boolean endoscopyWithinSixMonths,
        @Schema(description = "Pregnant: every systemic option and trial is withheld (embryo-fetal toxicity).")
        Boolean pregnant,
        @Schema(description = "Breastfeeding: it must stop during treatment and for the period each agent's label gives.")
        Boolean breastfeeding) {

    /** The risks known before the patient-safety inputs; the newer flags are unknown. */
    public Risks(Boolean recentVaricealBleeding, Boolean untreatedHighRiskVarices, Boolean majorBleedingEvent,
                 Boolean uncontrolledHypertension, Boolean recentArterialThromboembolism, Boolean nephroticProteinuria,
                 Boolean activeAutoimmuneDisease, Boolean organTransplant) {
        this(recentVaricealBleeding, untreatedHighRiskVarices, majorBleedingEvent, uncontrolledHypertension,
                recentArterialThromboembolism, nephroticProteinuria, activeAutoimmuneDisease, organTransplant, null, null, null);
    }
}
