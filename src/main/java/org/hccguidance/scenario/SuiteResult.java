package org.hccguidance.scenario;

import java.util.List;

/** A whole scenario run against one rule set. */
public record SuiteResult(String rulesetVersion, String rulesetSource, List<ScenarioResult> scenarios,
                          Coverage coverage) {

    public long passed() {
        return scenarios.stream().filter(ScenarioResult::passed).count();
    }

    public long failed() {
        return scenarios.size() - passed();
    }

    public List<ScenarioResult> failures() {
        return scenarios.stream().filter(s -> !s.passed()).toList();
    }
}
