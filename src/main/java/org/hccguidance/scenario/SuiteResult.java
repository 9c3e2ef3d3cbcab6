package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A whole scenario run against one rule set. */
@Schema(description = "A whole scenario run against one rule set.")
public record SuiteResult(
        @Schema(description = "Content hash of the rule set the suite ran on.", pattern = "^sha256:[0-9a-f]{64}$")
        String rulesetVersion,
        @Schema(description = "Where that rule set came from.")
        String rulesetSource,
        @Schema(description = "Each scenario's outcome, by id.")
        List<ScenarioResult> scenarios,
        @Schema(description = "Rules no scenario fired and evidence rows no scenario cited.")
        Coverage coverage) {

    public long passed() {
        return scenarios.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return scenarios.size() - passed();
    }

    public List<ScenarioResult> failures() {
        return scenarios.stream().filter(s -> !s.passed()).toList();
    }
}
