package org.hccguidance.ruleset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** What {@code GET /api/v1/ruleset} reports: the live version and the last refused candidate. */
@Schema(description = "The live rule set and the last refused candidate.")
public record RuleSetStatus(
        @Schema(description = "Whether a valid rule set is live; false means guidance answers 503.")
        boolean loaded,
        @Schema(description = "Content hash of the live rule set, as in `audit.rulesetVersion`.", nullable = true, pattern = "^sha256:[0-9a-f]{64}$")
        String version,
        @Schema(description = "Where it came from: `folder`, `embedded` or `archive`; admins also see the location "
                + "after a `:`.", nullable = true, example = "folder")
        String source,
        @Schema(description = "Rule files and tables, relative to the rule folder.")
        List<String> files,
        @Schema(description = "Number of rules (DRL rules and decision-table rows).", minimum = "0")
        int ruleCount,
        @Schema(description = "When it went live (UTC).", nullable = true)
        Instant loadedAt,
        @Schema(description = "A note from start-up, e.g. that the service fell back to an archived version.", nullable = true)
        String note,
        @Schema(description = "The last candidate that was refused, if any, with every reason.", nullable = true)
        CandidateReport lastRefusedCandidate) {
}
