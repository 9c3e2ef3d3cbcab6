package org.hccguidance.facts;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/** Tumour burden, serum alpha-fetoprotein and histology (absent histology: not reported). */
public record Tumour(
        @PositiveOrZero @DecimalMax("100000000") Double afpNgMl,
        Boolean macrovascularInvasion,
        Boolean extrahepaticSpread,
        Histology histology) {

    public Tumour(Double afpNgMl, Boolean macrovascularInvasion, Boolean extrahepaticSpread) {
        this(afpNgMl, macrovascularInvasion, extrahepaticSpread, null);
    }
}
