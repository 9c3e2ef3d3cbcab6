package org.hccguidance.ruleset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Read the live rule set, its history, and reload it on demand. */
@RestController
@RequestMapping("/api/v1/ruleset")
@Tag(name = "ruleset", description = "The live rule set, its history and reloads")
class RuleSetController {

    private final RuleSetRegistry registry;

    RuleSetController(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @GetMapping
    @Operation(summary = "The active rule set: content-hash version, source, files, rule count, last refused candidate")
    RuleSetStatus status() {
        CandidateReport refused = registry.lastRefused().orElse(null);
        String note = registry.startupNote().orElse(null);
        return registry.active()
                .map(rs -> new RuleSetStatus(true, rs.version(), rs.source(), rs.files(), rs.ruleCount(),
                        rs.loadedAt(), note, refused))
                .orElseGet(() -> new RuleSetStatus(false, null, null, List.of(), 0, null, note, refused));
    }

    @GetMapping("/history")
    @Operation(summary = "Every rule set that was activated, oldest first")
    List<Activation> history() {
        return registry.history();
    }

    @PostMapping("/reload")
    @Operation(summary = "Read the rule folder again and activate it if it compiles and passes the scenarios (admin)")
    ResponseEntity<ReloadOutcome> reload(Authentication who) {
        ReloadOutcome outcome = registry.reload("api:" + (who == null ? "anonymous" : who.getName()));
        HttpStatus status = outcome.status() == ReloadOutcome.Status.REFUSED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(outcome);
    }

}
