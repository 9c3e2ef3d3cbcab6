package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * Viral hepatitis status before therapy. Every field may be absent, and absent means unknown (not
 * tested), never negative.
 *
 * @param hbsAg            hepatitis B surface antigen: positive means chronic hepatitis B
 * @param antiHbc          total antibody to the hepatitis B core antigen: positive with a negative HBsAg
 *                         means past (resolved or occult) infection
 * @param hbvDnaIuMl       hepatitis B viral load, IU/mL
 * @param antiviralTherapy whether a nucleos(t)ide analogue against hepatitis B is being taken
 * @param hcvRna           hepatitis C viraemia
 */
@Schema(description = "Viral hepatitis status before therapy; every field left out is unknown (not tested), never negative.")
public record Hepatitis(
        @Schema(description = "Hepatitis B surface antigen: `POSITIVE` (chronic hepatitis B) or `NEGATIVE`.")
        Serology hbsAg,
        @Schema(description = "Total antibody to the hepatitis B core antigen: `POSITIVE` with a negative HBsAg means past "
                + "(resolved or occult) infection; `NEGATIVE`.")
        Serology antiHbc,
        @Schema(description = "Hepatitis B viral load in IU/mL.", minimum = "0")
        @PositiveOrZero @DecimalMax("10000000000") Double hbvDnaIuMl,
        @Schema(description = "Whether a nucleos(t)ide analogue against hepatitis B is being taken.")
        Boolean antiviralTherapy,
        @Schema(description = "Hepatitis C RNA in blood: `DETECTED` (active infection) or `NOT_DETECTED`.")
        HcvRna hcvRna) {
}
