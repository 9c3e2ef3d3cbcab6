package org.hccguidance.scenario;

import org.hccguidance.engine.RuleRef;

import java.util.List;

/**
 * Which rules no scenario fired, and which evidence-table rows no scenario's response cited: untested
 * guidance a committee should see. An evidence row attached to a misspelt option or an unreached
 * pathway shows up in {@code uncitedEvidence}.
 */
public record Coverage(int totalRules, int firedRules, double percent, List<RuleRef> unfired,
                       List<String> uncitedEvidence) {
}
