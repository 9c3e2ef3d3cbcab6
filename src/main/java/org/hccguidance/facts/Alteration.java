package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One genomic alteration, e.g. TSC2 INACTIVATING_MUTATION. */
@Schema(description = "One genomic alteration, e.g. TSC2 INACTIVATING_MUTATION.")
public record Alteration(
        @Schema(description = "HGNC gene symbol in upper case.", example = "FGF19")
        @NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,32}") String gene,
        @Schema(description = "Kind of alteration: `INACTIVATING_MUTATION`, `AMPLIFICATION`, `OVEREXPRESSION`, `FUSION`, "
                + "`HRD` (homologous recombination deficiency), `MSI_HIGH` (high microsatellite instability), `V600E` "
                + "(the BRAF V600E mutation).")
        @NotNull AlterationType type) {

    /** Whether the gene is one of a '|'-separated list, as the matched-therapy table writes them ("TSC1|TSC2"). */
    public boolean geneIn(String genes) {
        return gene != null && java.util.Arrays.asList(genes.split("\\|")).contains(gene);
    }
}
