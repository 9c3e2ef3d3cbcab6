package org.hccguidance.explain;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hccguidance.api.BadRequestException;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.NoRuleSetException;
import org.hccguidance.guidance.PatientRequestReader;
import org.hccguidance.ruleset.RuleSetRegistry;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/guidance/explain?code=CODE}: the same patient body as {@code POST /api/v1/guidance},
 * answered with why that code was recommended, ruled out or not offered, on the live rule set. The
 * explanation carries the patient's values to the caller and nowhere else: nothing here logs it.
 */
@RestController
@RequestMapping("/api/v1/guidance")
@Tag(name = "guidance", description = "Treatment guidance for one patient")
class ExplainController {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,64}");

    private final RuleSetRegistry registry;
    private final Explainer explainer;

    ExplainController(RuleSetRegistry registry, GuidanceEngine engine, Clock clock) {
        this.registry = registry;
        this.explainer = new Explainer(engine, clock);
    }

    @PostMapping(path = "/explain", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Explain why one option code was recommended, ruled out or not offered for one patient",
            description = "Each rule that fired on the way (file, line, cited source), the facts it matched with the "
                    + "patient's values, the derived values it built on, and for an option not recommended the nearest "
                    + "rule that would have offered it with the condition that failed. 400 when the code is not one the "
                    + "live rule set knows.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = PatientCase.class))))
    Explanation explain(@RequestBody byte[] body, @io.swagger.v3.oas.annotations.Parameter(description = "The option or alert code to explain, e.g. LENVATINIB; "
            + "400 when the live rule set does not know it.", example = "LENVATINIB") @RequestParam(required = false) String code) {
        if (code == null || code.isBlank()) {
            throw new BadRequestException("code", "required: the option code to explain, for example ?code=LENVATINIB");
        }
        if (!CODE.matcher(code).matches()) {
            throw new BadRequestException("code", "not a code: 1 to 64 letters, digits or underscores");
        }
        PatientCase patient = PatientRequestReader.read(body);
        RuleSet ruleSet = registry.active()
                .orElseThrow(() -> new NoRuleSetException("no valid rule set is loaded; see GET /api/v1/ruleset", false));
        try {
            return explainer.explain(ruleSet, patient, code);
        } catch (UnknownCodeException e) {
            throw new BadRequestException("code", e.getMessage());
        }
    }
}
