package org.hccguidance.ruleset;

import org.hccguidance.engine.RuleSet;

/**
 * Measures how many committee scenario patients' guidance a candidate changes against the live rule
 * set, so that every reload report says it, even when every scenario passes: scenarios assert a few
 * expectations each, and an edit can change much more than they check.
 */
public interface CandidateImpact {

    /** The number of scenario patients whose answer differs in anything but which rules fired. */
    int scenarioPatientsChanged(RuleSet live, RuleSet candidate);
}
