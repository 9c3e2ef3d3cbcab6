package org.hccguidance.impact;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.ruleset.CandidateImpact;
import org.hccguidance.scenario.ScenarioGateService;
import org.springframework.stereotype.Component;

import java.time.Clock;

/** The reload report's count: the impact analysis over the committee's scenario patients. */
@Component
class ScenarioImpact implements CandidateImpact {

    private final ScenarioGateService scenarios;
    private final ImpactAnalysis analysis;

    ScenarioImpact(ScenarioGateService scenarios, GuidanceEngine engine, Clock clock) {
        this.scenarios = scenarios;
        this.analysis = new ImpactAnalysis(engine, clock);
    }

    @Override
    public int scenarioPatientsChanged(RuleSet live, RuleSet candidate) {
        return analysis.countChanged(live, candidate, Cohorts.of(scenarios.scenarios()));
    }
}
