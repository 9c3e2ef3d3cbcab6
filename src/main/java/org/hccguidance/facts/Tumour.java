package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/** Tumour burden, serum alpha-fetoprotein and histology (absent histology: not reported). */
@Schema(description = "Tumour burden, serum alpha-fetoprotein and histology.")
public record Tumour(
        @Schema(description = "Serum alpha-fetoprotein (AFP) in ng/mL.", minimum = "0",
                example = "120")
        @PositiveOrZero @DecimalMax("100000000") Double afpNgMl,
        @Schema(description = "Macrovascular (portal or hepatic vein) invasion.")
        Boolean macrovascularInvasion,
        @Schema(description = "Extrahepatic spread (nodal or distant metastases).")
        Boolean extrahepaticSpread,
        @Schema(description = "Histology: `HCC`, `COMBINED_HCC_CCA` (combined hepatocellular-cholangiocarcinoma) or "
                + "`FIBROLAMELLAR`; absent: not reported.")
        Histology histology) {

    public Tumour(Double afpNgMl, Boolean macrovascularInvasion, Boolean extrahepaticSpread) {
        this(afpNgMl, macrovascularInvasion, extrahepaticSpread, null);
    }
}
