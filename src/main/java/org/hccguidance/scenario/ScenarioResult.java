package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.guidance.GuidanceResponse;

import java.util.List;

/** The outcome of one scenario: each unmet expectation, and the guidance it was checked against. */
@Schema(description = "The outcome of one scenario.")
public record ScenarioResult(
        @Schema(description = "Scenario id.", example = "post-io/bleeding-ctla4")
        String id,
        @Schema(description = "What the case shows.")
        String title,
        @Schema(description = "Where the expectation comes from (review section, knowledge-base point, committee decision).")
        String source,
        @Schema(description = "Scenario file, relative to the scenario folder.", example = "post-io/bleeding-ctla4.yaml")
        String file,
        @Schema(description = "Whether every expectation was met.")
        boolean passed,
        @Schema(description = "Each unmet expectation, in English.")
        List<String> failures,
        @Schema(description = "The guidance the scenario was checked against.", nullable = true)
        GuidanceResponse actual) {

    /** "scenario ID: first failure; ...", the line a committee reads first. */
    public String summary() {
        return "scenario " + id + (passed ? ": passed" : ": " + String.join("; ", failures));
    }
}
