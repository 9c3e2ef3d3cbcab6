package org.hccguidance.ruleset;

import org.hccguidance.engine.BuildError;

import java.time.Instant;
import java.util.List;

/** A candidate rule set that was refused, and every reason why. */
public record CandidateReport(String version, Instant refusedAt, String trigger, List<BuildError> errors,
                              List<String> failingScenarios) {
}
