package org.hccguidance.ruleset;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.engine.BuildError;

import java.util.List;

/** What a reload did: activated a new version, found nothing changed, or refused the candidate. */
@Schema(description = "What a reload did.")
public record ReloadOutcome(
        @Schema(description = "`ACTIVATED` (the candidate went live), `UNCHANGED` (same content as the live version) or "
                + "`REFUSED` (the live version keeps serving).")
        Status status,
        @Schema(description = "Content hash of the candidate built from the rule folder.", nullable = true, pattern = "^sha256:[0-9a-f]{64}$")
        String candidateVersion,
        @Schema(description = "Content hash of the version live after the reload.", nullable = true, pattern = "^sha256:[0-9a-f]{64}$")
        String activeVersion,
        @Schema(description = "Each build or policy error of a refused candidate.")
        List<BuildError> errors,
        @Schema(description = "Each committee scenario a refused candidate failed.")
        List<String> failingScenarios,
        @Schema(description = "How many committee scenario patients' guidance the candidate changes compared with the "
                + "version that was live (any difference but which rules fired), whether it went live or not; null when "
                + "it did not compile, nothing was live, or nothing changed.", nullable = true, minimum = "0")
        Integer scenarioPatientsChanged) {

    public enum Status { ACTIVATED, UNCHANGED, REFUSED }
}
