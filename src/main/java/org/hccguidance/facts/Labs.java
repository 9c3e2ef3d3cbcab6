package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Blood and urine values that decide whether some agents can be given now. Units are in the names;
 * absent means not measured. The bounds catch unit mix-ups (platelets per microlitre, eGFR per 1.73 m2
 * in another unit, protein in mg): out of range is refused, never guessed.
 *
 * @param plateletsE9L         platelet count, 10^9/L
 * @param egfrMlMin            estimated glomerular filtration rate, mL/min (the labels use creatinine clearance)
 * @param urineProteinGPer24h  urine protein, g per 24 hours (a 24-hour collection, or the protein/creatinine ratio in g/g)
 */
@Schema(description = "Blood and urine values that decide whether some agents can be given now; units are in the names; "
        + "each left out is not measured.")
public record Labs(
        @Schema(description = "Platelet count in 10^9/L (0-2000).", minimum = "0")
        @PositiveOrZero @DecimalMax("2000") Double plateletsE9L,
        @Schema(description = "Estimated glomerular filtration rate in mL/min (0-300).", minimum = "0")
        @PositiveOrZero @DecimalMax("300") Double egfrMlMin,
        @Schema(description = "Urine protein in g per 24 hours (0-50), from a 24-hour collection or the protein/creatinine ratio in g/g.",
                minimum = "0")
        @PositiveOrZero @DecimalMax("50") Double urineProteinGPer24h) {
}
