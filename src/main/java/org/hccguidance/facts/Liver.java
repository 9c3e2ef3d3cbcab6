package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Liver function: the Child-Pugh class or score as the clinician graded it, and/or the five
 * components the rules grade it from.
 */
@Schema(description = "Liver function: the Child-Pugh class or score as the clinician graded it, and/or the five "
        + "components the rules grade it from (bilirubin, albumin, INR, ascites, encephalopathy).")
public record Liver(
        @Schema(description = "Child-Pugh class as graded by the clinician: `A` (5-6 points), `B` (7-9), `C` (10-15).")
        ChildPughClass childPughClass,
        @Schema(description = "Child-Pugh score in points, 5 to 15.")
        @Min(5) @Max(15) Integer childPughScore,
        @Schema(description = "Total serum bilirubin in mg/dL (divide µmol/L by 17.1).", minimum = "0", example = "1.1")
        @PositiveOrZero @DecimalMax(PatientCase.LAB_CEILING) Double bilirubinMgDl,
        @Schema(description = "Serum albumin in g/dL (divide g/L by 10).", minimum = "0", example = "3.6")
        @PositiveOrZero @DecimalMax("10") Double albuminGDl,
        @Schema(description = "International normalised ratio of prothrombin time (a ratio, no unit).", minimum = "0",
                example = "1.1")
        @PositiveOrZero @DecimalMax("20") Double inr,
        @Schema(description = "Ascites as graded for Child-Pugh: `NONE`, `MILD`, `MODERATE_SEVERE` (moderate to severe).")
        Ascites ascites,
        @Schema(description = "Hepatic encephalopathy as graded for Child-Pugh: `NONE`, `GRADE_1_2` (West Haven grade 1-2), "
                + "`GRADE_3_4` (grade 3-4).")
        Encephalopathy encephalopathy) {
}
