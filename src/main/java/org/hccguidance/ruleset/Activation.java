package org.hccguidance.ruleset;

import java.time.Instant;
import java.util.List;

/** One time a rule set went live: which version, when, from where, and who or what did it. */
public record Activation(String version, Instant activatedAt, String activatedBy, String source, List<String> files,
                         int ruleCount) {
}
