package org.hccguidance.impact;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.ruleset.CandidateImpact;
import org.hccguidance.scenario.ScenarioGateService;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.scenario.Scenario;

/**
 * The reload report's count: the impact analysis over the committee's scenario patients. The gate has
 * just evaluated every scenario patient on the candidate, and evaluated them on the live version when it
 * went live; those answers are compared directly. Only when one side is missing (the first reload after
 * start-up from the archive, or a scenario folder that changed since) are the patients evaluated again.
 */
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
        List<Scenario> suite = scenarios.scenarios();
        Optional<Map<String, GuidanceResponse>> before = scenarios.gateAnswers(live.version()).flatMap(a -> forSuite(a, suite));
        Optional<Map<String, GuidanceResponse>> after = scenarios.gateAnswers(candidate.version()).flatMap(a -> forSuite(a, suite));
        if (before.isPresent() && after.isPresent()) {
            return ImpactAnalysis.countChanged(before.get(), after.get());
        }
        return analysis.countChanged(live, candidate, Cohorts.of(suite));
    }

    /** The answers, when they were given to exactly the suite's patients as they are now. */
    private static Optional<Map<String, GuidanceResponse>> forSuite(Map<String, ScenarioGateService.Answer> answers,
                                                                   List<Scenario> suite) {
        if (answers.size() != suite.size()) {
            return Optional.empty();
        }
        Map<String, GuidanceResponse> out = new HashMap<>();
        for (Scenario s : suite) {
            ScenarioGateService.Answer a = answers.get(s.id());
            if (a == null || !s.patient().equals(a.patient())) {
                return Optional.empty();
            }
            out.put(s.id(), a.response());
        }
        return Optional.of(out);
    }
}
