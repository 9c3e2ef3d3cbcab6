package org.hccguidance.facts;

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
public record Hepatitis(
        Serology hbsAg,
        Serology antiHbc,
        @PositiveOrZero @DecimalMax("10000000000") Double hbvDnaIuMl,
        Boolean antiviralTherapy,
        HcvRna hcvRna) {
}
