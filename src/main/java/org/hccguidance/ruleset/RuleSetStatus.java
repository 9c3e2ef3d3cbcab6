package org.hccguidance.ruleset;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/v1/ruleset} reports: the live version and the last refused candidate. */
public record RuleSetStatus(boolean loaded, String version, String source, List<String> files, int ruleCount,
                            Instant loadedAt, String note, CandidateReport lastRefusedCandidate) {
}
