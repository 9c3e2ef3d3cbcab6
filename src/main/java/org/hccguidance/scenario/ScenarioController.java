package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hccguidance.api.BadRequestException;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.guidance.NoRuleSetException;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/** The committee's check over HTTP: run the scenario suite against the live rules or a candidate folder. */
@RestController
@RequestMapping("/api/v1/scenarios")
@Tag(name = "scenarios", description = "Run the committee's scenario suite (admin)")
class ScenarioController {

    private final RuleSetRegistry registry;
    private final ScenarioGateService scenarios;

    ScenarioController(RuleSetRegistry registry, ScenarioGateService scenarios) {
        this.registry = registry;
        this.scenarios = scenarios;
    }

    /** Both folders are optional: the active rule set and the configured scenario folder are the defaults. */
    @Schema(description = "Which rules and scenarios to run; an empty object runs the configured scenarios on the live rule set.")
    record RunRequest(
            @Schema(description = "A candidate rule folder on the server's file system; default: the live rule set.",
                    example = "/srv/hcc-guidance/rules-candidate")
            String rulesDir,
            @Schema(description = "A scenario folder on the server's file system; default: the configured scenario folder.",
                    example = "/srv/hcc-guidance/scenarios")
            String scenariosDir) {
    }

    @PostMapping("/run")
    @Operation(operationId = "runScenarios",
            summary = "Run every scenario against the active rule set or a candidate rule folder; same results as the validate command",
            description = "Each scenario's outcome with every unmet expectation and the guidance it was checked against, "
                    + "and the rule coverage: rules no scenario fired and evidence rows no scenario cited.")
    @ApiResponse(responseCode = "200", description = "The suite ran; `scenarios[].passed` says which passed.")
    @ApiResponse(responseCode = "422", description = "The candidate rule folder was refused (each error with its file "
            + "and line or row), or a scenario file is malformed (each problem with its file and line).")
    @ApiResponse(responseCode = "503", description = "No rule folder was given and no valid rule set is loaded.")
    SuiteResult run(@RequestBody(required = false) RunRequest request) {
        RunRequest req = request == null ? new RunRequest(null, null) : request;
        List<Scenario> suite = req.scenariosDir() == null ? scenarios.scenarios()
                : ScenarioLoader.fromDirectory(existingFolder(req.scenariosDir(), "scenariosDir"));
        if (req.rulesDir() == null) {
            RuleSet active = registry.active().orElseThrow(() -> new NoRuleSetException("no valid rule set is loaded", false));
            return scenarios.run(active, suite);
        }
        RuleSet candidate = registry.compileCandidate(existingFolder(req.rulesDir(), "rulesDir"));
        try {
            return scenarios.run(candidate, suite);
        } finally {
            candidate.release();
        }
    }

    private static Path existingFolder(String value, String field) {
        Path p;
        try {
            p = Path.of(value).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new BadRequestException(field, "not a valid path");
        }
        if (!Files.isDirectory(p)) {
            throw new BadRequestException(field, value + " is not a folder");
        }
        return p;
    }
}
