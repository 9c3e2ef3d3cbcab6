package org.hccguidance.ruleset;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    private final SourceRedaction redaction;

    RuleSetController(RuleSetRegistry registry, GuidanceProperties props) {
        this.registry = registry;
        this.redaction = new SourceRedaction(props);
    }

    @GetMapping
    @Operation(operationId = "getRuleSet",
            summary = "The active rule set: content-hash version, source, files, rule count, last refused candidate "
            + "(the source's absolute path only for admins)",
            description = "`version` is the content hash every guidance answer carries as `audit.rulesetVersion`. "
                    + "`loaded` is false while no valid rule set is loaded (guidance then answers 503). The last "
                    + "refused candidate lists each error with its file and line or table row, and each failing "
                    + "scenario; folder paths in it are named, not shown, to everyone but admins.")
    @ApiResponse(responseCode = "200", description = "The active rule set and the last refused candidate.")
    RuleSetStatus status(Authentication who) {
        boolean admin = isAdmin(who);
        CandidateReport refused = registry.lastRefused().map(r -> admin ? r : redaction.candidate(r)).orElse(null);
        String note = registry.startupNote().map(n -> admin ? n : redaction.text(n)).orElse(null);
        return registry.active()
                .map(rs -> new RuleSetStatus(true, rs.version(), admin ? rs.source() : SourceRedaction.kind(rs.source()),
                        rs.files(), rs.ruleCount(), rs.loadedAt(), note, refused))
                .orElseGet(() -> new RuleSetStatus(false, null, null, List.of(), 0, null, note, refused));
    }

    @GetMapping("/history")
    @Operation(operationId = "getRuleSetHistory",
            summary = "Every rule set that was activated, oldest first (the source's absolute path only for admins)",
            description = "Each version that ever went live on this service, when, from where and by whom. Any of "
                    + "these versions can be named as `rulesetVersion` to re-evaluate a patient on it (admin).")
    @ApiResponse(responseCode = "200", description = "Every activation, oldest first.")
    List<Activation> history(Authentication who) {
        List<Activation> history = registry.history();
        return isAdmin(who) ? history : history.stream().map(redaction::activation).toList();
    }

    @PostMapping("/reload")
    @Operation(operationId = "reloadRuleSet",
            summary = "Read the rule folder again and activate it if it compiles and passes the scenarios (admin)",
            description = "Builds a candidate from the rule folder; it goes live only if it compiles, passes the rule "
                    + "policy and every committee scenario. Otherwise the live version keeps serving and the answer "
                    + "is 422 with every error and failing scenario.")
    @ApiResponse(responseCode = "200", description = "The candidate was activated, or nothing had changed.")
    @ApiResponse(responseCode = "422", description = "The candidate was refused; the live version keeps serving.",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReloadOutcome.class)))
    ResponseEntity<ReloadOutcome> reload(Authentication who) {
        ReloadOutcome outcome = registry.reload("api:" + (who == null ? "anonymous" : who.getName()));
        HttpStatus status = outcome.status() == ReloadOutcome.Status.REFUSED ? HttpStatus.UNPROCESSABLE_ENTITY : HttpStatus.OK;
        return ResponseEntity.status(status).body(outcome);
    }

    private static boolean isAdmin(Authentication who) {
        return who != null && who.isAuthenticated()
                && who.getAuthorities().stream().anyMatch(a -> "ROLE_ADMIN".equals(a.getAuthority()));
    }

}
