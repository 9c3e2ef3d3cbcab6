package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;

/** A message the clinician must see, whatever the options are. */
@Schema(description = "A message the clinician must see, whatever the options are.")
public record Alert(
        @Schema(description = "How urgently to read it: `INFO`, `WARNING`, `CRITICAL`.")
        Severity severity,
        @Schema(description = "Stable alert code, for systems that route or count alerts.")
        String code,
        @Schema(description = "The message, in English.")
        String message) {
}
