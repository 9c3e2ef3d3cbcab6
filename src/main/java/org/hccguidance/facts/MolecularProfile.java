package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Tumour genomic profiling result. */
@Schema(description = "Tumour genomic profiling result.")
public record MolecularProfile(
        @Schema(description = "Whether the tumour was profiled; left out or false means no profile, and the answer may "
                + "suggest one.")
        Boolean tested,
        @Schema(description = "Alterations found, at most 50; empty when profiled and none was found.")
        @Size(max = 50) List<@NotNull @Valid Alteration> alterations) {

    public MolecularProfile {
        alterations = alterations == null ? List.of() : List.copyOf(alterations);
    }
}
