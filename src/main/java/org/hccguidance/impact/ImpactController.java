package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The impact of a rule change over HTTP, for the workbench and for release tooling. */
@RestController
@Tag(name = "ruleset", description = "The live rule set, its history and reloads")
class ImpactController {

    private final ImpactService impact;

    ImpactController(ImpactService impact) {
        this.impact = impact;
    }

    @PostMapping("/api/v1/ruleset/impact")
    @Operation(operationId = "ruleSetImpact",
            summary = "Compare the guidance of two rule sets over the scenario patients and an optional cohort (admin)",
            description = "Evaluates every committee scenario patient, the patient files of `patientsDir` and `generated` "
                    + "generated patients on both rule sets, and reports every patient whose guidance differs "
                    + "(recommendations added or removed, strength, rank, grade and text changes, options ruled out, "
                    + "trials, alerts, missing data) with a summary per option code. Which rules fired is not a difference.")
    @ApiResponse(responseCode = "200", description = "The comparison; `patients` lists only changed patients.")
    @ApiResponse(responseCode = "400", description = "A rule set or folder that cannot be found, or a bad count.")
    @ApiResponse(responseCode = "422", description = "A named rule set does not compile (each error with its file and "
            + "line or table row).")
    ImpactReport compare(@RequestBody ImpactRequest request) {
        return impact.compare(request);
    }
}
