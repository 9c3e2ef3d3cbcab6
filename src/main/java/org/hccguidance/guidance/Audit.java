package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Which rule set produced the guidance, which rules fired, and when. {@code firedRules} names each rule
 * that fired once, ordered by rule file and then by name: the order in which rules of equal salience
 * fire depends on the engine's internal state, so a firing sequence would make two identical
 * evaluations look different.
 */
@Schema(description = "Which rule set produced the answer, which rules fired, and when.")
public record Audit(
        @Schema(description = "Content hash of the rule set that produced this answer; pass it as `rulesetVersion` to "
                + "re-evaluate on the same rules later (admin).", pattern = "^sha256:[0-9a-f]{64}$",
                example = "sha256:08d3b226ea0df52007ead27fee190f82f359fd22d503927de637e6d6ea0c0155")
        String rulesetVersion,
        @Schema(description = "Where the rule set came from: `folder`, `embedded` or `archive`, followed for admins by "
                + "`:` and its location.", example = "folder")
        String rulesetSource,
        @Schema(description = "Each rule that fired, once, ordered by rule file and name.")
        List<String> firedRules,
        @Schema(description = "When the evaluation ran (UTC).")
        Instant evaluatedAt,
        @Schema(description = "Time the rule engine took, in microseconds.", minimum = "0")
        long engineMicros) {
}
