package org.hccguidance.guidance;

import java.time.Instant;
import java.util.List;

/**
 * Which rule set produced the guidance, which rules fired, and when. {@code firedRules} names each rule
 * that fired once, ordered by rule file and then by name: the order in which rules of equal salience
 * fire depends on the engine's internal state, so a firing sequence would make two identical
 * evaluations look different.
 */
public record Audit(String rulesetVersion, String rulesetSource, List<String> firedRules, Instant evaluatedAt,
                    long engineMicros) {
}
