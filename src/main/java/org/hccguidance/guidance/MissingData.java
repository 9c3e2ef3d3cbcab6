package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;

/** A fact the rules needed and did not have. */
@Schema(description = "A fact the rules needed and did not have.")
public record MissingData(
        @Schema(description = "Path of the request field to supply.", example = "tumour.afpNgMl")
        String field,
        @Schema(description = "What it would decide.")
        String why) {
}
