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
    private final SourceRedaction redaction;

    RuleSetController(RuleSetRegistry registry, GuidanceProperties props) {
        this.registry = registry;
        this.redaction = new SourceRedaction(props);
    }

    @GetMapping
    @Operation(summary = "The active rule set: content-hash version, source, files, rule count, last refused candidate "
            + "(the source's absolute path only for admins)")
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
    @Operation(summary = "Every rule set that was activated, oldest first (the source's absolute path only for admins)")
    List<Activation> history(Authentication who) {
        List<Activation> history = registry.history();
        return isAdmin(who) ? history : history.stream().map(redaction::activation).toList();
    }

    @PostMapping("/reload")
    @Operation(summary = "Read the rule folder again and activate it if it compiles and passes the scenarios (admin)")
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
