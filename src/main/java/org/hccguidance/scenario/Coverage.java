package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.engine.RuleRef;

import java.util.List;

/**
 * Which rules no scenario fired, and which evidence-table rows no scenario's response cited: untested
 * guidance a committee should see. An evidence row attached to a misspelt option or an unreached
 * pathway shows up in {@code uncitedEvidence}.
 */
@Schema(description = "Which rules no scenario fired and which evidence rows no scenario cited: untested guidance.")
public record Coverage(
        @Schema(description = "Number of rules in the rule set.", minimum = "0")
        int totalRules,
        @Schema(description = "Number of rules some scenario fired.", minimum = "0")
        int firedRules,
        @Schema(description = "Fired rules as a percentage (%) of all rules.", minimum = "0", maximum = "100")
        double percent,
        @Schema(description = "Each rule no scenario fired.")
        List<RuleRef> unfired,
        @Schema(description = "Each evidence-table row no scenario's answer cited.")
        List<String> uncitedEvidence) {
}
