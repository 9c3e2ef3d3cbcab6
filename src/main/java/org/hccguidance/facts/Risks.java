package org.hccguidance.facts;

/** Comorbid risks that bar anti-VEGF or immunotherapy. Absent means unknown. */
public record Risks(
        Boolean recentVaricealBleeding,
        Boolean untreatedHighRiskVarices,
        Boolean majorBleedingEvent,
        Boolean uncontrolledHypertension,
        Boolean recentArterialThromboembolism,
        Boolean nephroticProteinuria,
        Boolean activeAutoimmuneDisease,
        Boolean organTransplant) {
}
