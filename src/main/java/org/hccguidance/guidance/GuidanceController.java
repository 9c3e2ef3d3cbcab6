package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.Operation;
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
    @Operation(summary = "Evaluate one patient against the active rule set, or against a stored version (admin)",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PatientCase.class))))
    GuidanceResponse evaluate(@RequestBody byte[] body, @RequestParam(required = false) String rulesetVersion) {
        if (rulesetVersion != null && !VERSION.matcher(rulesetVersion).matches()) {
            throw new BadRequestException("rulesetVersion", "not a rule set version; expected sha256: followed by 64 lower-case hex digits");
        }
        PatientCase patient = PatientRequestReader.read(body);
        return rulesetVersion == null ? service.evaluate(patient) : service.evaluate(patient, rulesetVersion);
    }
}
