package org.hccguidance.facts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Liver function: the Child-Pugh class or score as the clinician graded it, and/or the five
 * components the rules grade it from.
 */
public record Liver(
        ChildPughClass childPughClass,
        @Min(5) @Max(15) Integer childPughScore,
        @PositiveOrZero @DecimalMax(PatientCase.LAB_CEILING) Double bilirubinMgDl,
        @PositiveOrZero @DecimalMax("10") Double albuminGDl,
        @PositiveOrZero @DecimalMax("20") Double inr,
        Ascites ascites,
        Encephalopathy encephalopathy) {
}
