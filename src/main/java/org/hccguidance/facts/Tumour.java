package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.PositiveOrZero;

/** Tumour burden and serum alpha-fetoprotein. */
@Schema(description = "Tumour burden and serum alpha-fetoprotein.")
public record Tumour(
        @Schema(description = "Serum alpha-fetoprotein (AFP) in ng/mL.", minimum = "0",
                example = "120")
        @PositiveOrZero @DecimalMax("100000000") Double afpNgMl,
        @Schema(description = "Macrovascular (portal or hepatic vein) invasion.")
        Boolean macrovascularInvasion,
        @Schema(description = "Extrahepatic spread (nodal or distant metastases).")
        Boolean extrahepaticSpread) {
}
