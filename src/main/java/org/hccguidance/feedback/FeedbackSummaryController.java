package org.hccguidance.feedback;

import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hccguidance.api.BadRequestException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Override rates per recommendation code and rule-set version; admin only (default deny in EndpointAccess).
 * An operator's report, documented in docs/cds-hooks.md and kept out of the client-facing OpenAPI contract
 * (docs/openapi/openapi.json), which the API owners curate.
 */
@Hidden
@RestController
@Tag(name = "feedback", description = "CDS Hooks card outcomes")
class FeedbackSummaryController {

    private final FeedbackStore store;

    FeedbackSummaryController(FeedbackStore store) {
        this.store = store;
    }

    record Summary(Instant since, List<FeedbackStore.SummaryRow> rows) {
    }

    @GetMapping("/api/v1/feedback/summary")
    @Operation(summary = "Cards issued, accepted and overridden per recommendation code and rule-set version (admin)")
    Summary summary(@RequestParam(required = false) String since) {
        Instant from;
        try {
            from = since == null ? Instant.EPOCH : Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new BadRequestException("since", "not an ISO-8601 instant such as 2026-01-01T00:00:00Z");
        }
        return new Summary(from, store.summary(from));
    }
}
