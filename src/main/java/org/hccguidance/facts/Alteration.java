package org.hccguidance.facts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** One genomic alteration, e.g. TSC2 INACTIVATING_MUTATION. */
public record Alteration(
        @NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,32}") String gene,
        @NotNull AlterationType type) {
}
