package org.hccguidance.scenario;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.ruleset.GuidanceProperties;
import org.hccguidance.ruleset.RuleSourceLocator;
import org.hccguidance.ruleset.ScenarioGate;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The reload gate: a candidate rule set goes live only if every committee scenario passes on it. */
@Component
public class ScenarioGateService implements ScenarioGate {

    private final Optional<Path> folder;
    private final ScenarioRunner runner;

    public ScenarioGateService(GuidanceProperties props, GuidanceEngine engine, Clock clock) {
        this.folder = RuleSourceLocator.scenariosFolder(props.scenarios().dir());
        this.runner = new ScenarioRunner(engine, clock);
    }

    public List<Scenario> scenarios() {
        return folder.map(ScenarioLoader::fromDirectory)
                .orElseGet(() -> ScenarioLoader.fromClasspath(RuleSourceLocator.EMBEDDED_SCENARIOS));
    }

    public String scenarioSource() {
        return folder.map(p -> "folder:" + p).orElse("embedded:classpath:" + RuleSourceLocator.EMBEDDED_SCENARIOS);
    }

    public SuiteResult run(RuleSet ruleSet, List<Scenario> scenarios) {
        return runner.run(ruleSet, scenarios);
    }

    @Override
    public List<String> failures(RuleSet candidate) {
        List<Scenario> scenarios;
        try {
            scenarios = scenarios();
        } catch (ScenarioFormatException e) {
            return e.problems().stream().map(p -> "scenario file: " + p).toList();
        }
        return runner.run(candidate, scenarios).failures().stream().map(ScenarioResult::summary).toList();
    }
}
