package org.hccguidance.guidance;

import java.time.Instant;
import java.util.List;

/** Which rule set produced the guidance, which rules fired, and when. */
public record Audit(String rulesetVersion, String rulesetSource, List<String> firedRules, Instant evaluatedAt,
                    long engineMicros) {
}
