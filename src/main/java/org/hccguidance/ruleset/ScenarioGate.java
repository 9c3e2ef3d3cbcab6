package org.hccguidance.ruleset;

import org.hccguidance.engine.RuleSet;

import java.util.List;

/** Runs the committee's scenarios against a candidate rule set; each string names a failing scenario. */
public interface ScenarioGate {

    List<String> failures(RuleSet candidate);
}
