package org.hccguidance.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One genomic alteration, e.g. TSC2 INACTIVATING_MUTATION. */
public record Alteration(
        @NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,32}") String gene,
        @NotNull AlterationType type) {

    /** Whether the gene is one of a '|'-separated list, as the matched-therapy table writes them ("TSC1|TSC2"). */
    public boolean geneIn(String genes) {
        return gene != null && java.util.Arrays.asList(genes.split("\\|")).contains(gene);
    }
}
