package org.hccguidance.ruleset;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/** One time a rule set went live: which version, when, from where, and who or what did it. */
@Schema(description = "One time a rule set went live.")
public record Activation(
        @Schema(description = "Content hash of the rule set.", pattern = "^sha256:[0-9a-f]{64}$")
        String version,
        @Schema(description = "When it went live (UTC).")
        Instant activatedAt,
        @Schema(description = "Who or what activated it: `startup`, `watch` or `api:<user>`.", example = "startup")
        String activatedBy,
        @Schema(description = "Where it came from: `folder`, `embedded` or `archive`; admins also see the location "
                + "after a `:`.", example = "folder")
        String source,
        @Schema(description = "Rule files and tables, relative to the rule folder.")
        List<String> files,
        @Schema(description = "Number of rules.", minimum = "0")
        int ruleCount,
        @Schema(description = "How many committee scenario patients' guidance this version changed compared with the "
                + "version live before it (any difference but which rules fired); null for the first version or when "
                + "not measured.", nullable = true, minimum = "0")
        Integer scenarioPatientsChanged) {
}
