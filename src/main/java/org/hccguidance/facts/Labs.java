package org.hccguidance.facts;

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
public record Labs(
        @PositiveOrZero @DecimalMax("2000") Double plateletsE9L,
        @PositiveOrZero @DecimalMax("300") Double egfrMlMin,
        @PositiveOrZero @DecimalMax("50") Double urineProteinGPer24h) {
}
