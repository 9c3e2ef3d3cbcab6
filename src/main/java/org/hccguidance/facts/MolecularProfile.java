package org.hccguidance.facts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Tumour genomic profiling result. */
public record MolecularProfile(
        Boolean tested,
        @Size(max = 50) List<@NotNull @Valid Alteration> alterations) {

    public MolecularProfile {
        alterations = alterations == null ? List.of() : List.copyOf(alterations);
    }
}
