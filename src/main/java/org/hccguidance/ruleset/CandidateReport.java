package org.hccguidance.ruleset;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.engine.BuildError;

import java.time.Instant;
import java.util.List;

/** A candidate rule set that was refused, and every reason why. */
@Schema(description = "A candidate rule set that was refused, and every reason why.")
public record CandidateReport(
        @Schema(description = "Content hash of the refused candidate.", pattern = "^sha256:[0-9a-f]{64}$")
        String version,
        @Schema(description = "When it was refused (UTC).")
        Instant refusedAt,
        @Schema(description = "What asked for it: `startup`, `watch` (a file edit) or `api:<user>`.", example = "watch")
        String trigger,
        @Schema(description = "Each build or policy error, with its file and line or table row.")
        List<BuildError> errors,
        @Schema(description = "Each committee scenario the candidate failed, with its first failure.")
        List<String> failingScenarios,
        @Schema(description = "How many committee scenario patients' guidance the candidate would have changed compared "
                + "with the live version, even where every scenario passed; null when it did not compile or nothing was live.",
                nullable = true, minimum = "0")
        Integer scenarioPatientsChanged) {
}
