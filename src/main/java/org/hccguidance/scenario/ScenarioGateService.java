package org.hccguidance.scenario;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.ruleset.GuidanceProperties;
import org.hccguidance.ruleset.RuleSourceLocator;
import org.hccguidance.ruleset.ScenarioGate;
import org.hccguidance.safety.GeneratedPatientCheck;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The reload gate: a candidate rule set goes live only if every committee scenario passes on it and
 * no generated patient breaks a safety invariant or a limit on it.
 */
@Component
public class ScenarioGateService implements ScenarioGate {

    private final Optional<Path> folder;
    private final ScenarioRunner runner;
    private final GeneratedPatientCheck generated;
    private final int generatedPatients;

    public ScenarioGateService(GuidanceProperties props, GuidanceEngine engine, Clock clock) {
        this.folder = RuleSourceLocator.scenariosFolder(props.scenarios().dir());
        this.runner = new ScenarioRunner(engine, clock);
        this.generated = new GeneratedPatientCheck(engine, clock);
        this.generatedPatients = props.reload().generatedPatients();
    }

    public List<Scenario> scenarios() {
        return folder.map(ScenarioLoader::fromDirectory)
                .orElseGet(() -> ScenarioLoader.fromClasspath(RuleSourceLocator.EMBEDDED_SCENARIOS));
    }

    /** The scenario folder on disk; empty when the suite is the copy embedded in the jar (read-only). */
    public Optional<Path> folder() {
        return folder;
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
        List<String> failures = new java.util.ArrayList<>(
                runner.run(candidate, scenarios).failures().stream().map(ScenarioResult::summary).toList());
        if (generatedPatients > 0) {
            GeneratedPatientCheck.Result result = generated.run(candidate, GeneratedPatientCheck.DEFAULT_SEED, generatedPatients);
            failures.addAll(result.failures());
        }
        return failures;
    }
}
