package org.hccguidance.scenario;

import org.hccguidance.engine.RuleRef;

import java.util.List;

/** Which rules no scenario fired: untested guidance a committee should see. */
public record Coverage(int totalRules, int firedRules, double percent, List<RuleRef> unfired) {
}
