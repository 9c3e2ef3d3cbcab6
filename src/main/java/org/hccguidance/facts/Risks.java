package org.hccguidance.facts;

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
public record Risks(
        Boolean recentVaricealBleeding,
        Boolean untreatedHighRiskVarices,
        Boolean majorBleedingEvent,
        Boolean uncontrolledHypertension,
        Boolean recentArterialThromboembolism,
        Boolean nephroticProteinuria,
        Boolean activeAutoimmuneDisease,
        Boolean organTransplant,
        Boolean endoscopyWithinSixMonths,
        Boolean pregnant,
        Boolean breastfeeding) {

    /** The risks known before the patient-safety inputs; the newer flags are unknown. */
    public Risks(Boolean recentVaricealBleeding, Boolean untreatedHighRiskVarices, Boolean majorBleedingEvent,
                 Boolean uncontrolledHypertension, Boolean recentArterialThromboembolism, Boolean nephroticProteinuria,
                 Boolean activeAutoimmuneDisease, Boolean organTransplant) {
        this(recentVaricealBleeding, untreatedHighRiskVarices, majorBleedingEvent, uncontrolledHypertension,
                recentArterialThromboembolism, nephroticProteinuria, activeAutoimmuneDisease, organTransplant, null, null, null);
    }
}
