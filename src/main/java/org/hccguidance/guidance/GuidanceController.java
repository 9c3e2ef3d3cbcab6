package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.api.BadRequestException;
import org.hccguidance.facts.PatientCase;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.regex.Pattern;

/** The rules endpoint other hospital systems call. */
@RestController
@RequestMapping("/api/v1/guidance")
@Tag(name = "guidance", description = "Treatment guidance for one patient")
class GuidanceController {

    private static final Pattern VERSION = Pattern.compile("sha256:[0-9a-f]{64}");

    private final GuidanceService service;

    GuidanceController(GuidanceService service) {
        this.service = service;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "evaluateGuidance",
            summary = "Evaluate one patient against the active rule set, or against a stored version (admin)",
            description = "Returns the treatment setting, the derived facts, ranked recommendations with rationale, "
                    + "evidence and cautions, options ruled out with every reason, matching and withheld trials, "
                    + "alerts, missing data that would change the answer, and an audit naming the rule set "
                    + "(`audit.rulesetVersion`) and the rules that fired. Absent patient fields mean unknown, never "
                    + "false or normal; the answer lists what was missing. The examples are committee scenario patients.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    description = "One patient. Only `ecog` and `liver` are required; anything unknown is left out.",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(implementation = PatientCase.class))))
    @ApiResponse(responseCode = "200", description = "Guidance for the patient.")
    @ApiResponse(responseCode = "404", description = "`rulesetVersion` names a version that was never live on this service.")
    @ApiResponse(responseCode = "503", description = "No valid rule set is loaded (see `GET /api/v1/ruleset`).")
    GuidanceResponse evaluate(@RequestBody byte[] body,
                              @Parameter(description = "Evaluate on this stored rule set version instead of the live one, "
                                      + "to reproduce an earlier answer: the `audit.rulesetVersion` of that answer.",
                                      schema = @Schema(pattern = "^sha256:[0-9a-f]{64}$",
                                              example = "sha256:08d3b226ea0df52007ead27fee190f82f359fd22d503927de637e6d6ea0c0155"))
                              @RequestParam(required = false) String rulesetVersion) {
        if (rulesetVersion != null && !VERSION.matcher(rulesetVersion).matches()) {
            throw new BadRequestException("rulesetVersion", "not a rule set version; expected sha256: followed by 64 lower-case hex digits");
        }
        PatientCase patient = PatientRequestReader.read(body);
        return rulesetVersion == null ? service.evaluate(patient) : service.evaluate(patient, rulesetVersion);
    }
}
