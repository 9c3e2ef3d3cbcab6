package org.hccguidance.facts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/** Tumour burden and serum alpha-fetoprotein. */
public record Tumour(
        @PositiveOrZero @DecimalMax("100000000") Double afpNgMl,
        Boolean macrovascularInvasion,
        Boolean extrahepaticSpread) {
}
