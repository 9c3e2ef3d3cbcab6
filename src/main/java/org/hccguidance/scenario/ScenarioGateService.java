package org.hccguidance.scenario;

import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.ruleset.GuidanceProperties;
import org.hccguidance.ruleset.RuleSourceLocator;
import org.hccguidance.ruleset.ScenarioGate;
import org.hccguidance.safety.GeneratedPatientCheck;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The reload gate: a candidate rule set goes live only if every committee scenario passes on it and
 * no generated patient breaks a safety invariant or a limit on it.
 */
@Component
public class ScenarioGateService implements ScenarioGate {

    private final Optional<Path> folder;
    private final ScenarioRunner runner;
    private final Clock clock;
    private final GeneratedPatientCheck generated;
    private final int generatedPatients;

    public ScenarioGateService(GuidanceProperties props, GuidanceEngine engine, Clock clock) {
        this.clock = clock;
        this.folder = RuleSourceLocator.scenariosFolder(props.scenarios().dir());
        this.runner = new ScenarioRunner(engine, clock);
        this.generated = new GeneratedPatientCheck(engine, clock);
        this.generatedPatients = props.reload().generatedPatients();
    }

    public List<Scenario> scenarios() {
        return folder.map(ScenarioLoader::fromDirectory)
                .orElseGet(() -> ScenarioLoader.fromClasspath(RuleSourceLocator.EMBEDDED_SCENARIOS));
    }

    /**
     * The answers the last gate runs gave, by rule-set version and scenario id (null where a scenario could not
     * be evaluated), so that measuring a candidate's impact on the scenario patients does not evaluate them again.
     */
    private final Map<String, GateAnswers> gateAnswers =
            Collections.synchronizedMap(new LinkedHashMap<>(4, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, GateAnswers> eldest) {
                    return size() > 2;
                }
            });

    /**
     * Answers are date-dependent (a trial's status check ages), so they are reused on the day they were given
     * only; each is kept with the patient it answered, since a committee may edit a scenario's patient.
     */
    private record GateAnswers(LocalDate day, Map<String, Answer> byId) {
    }

    /** One scenario patient and the answer the gate gave (null when it could not be evaluated). */
    public record Answer(PatientCase patient, GuidanceResponse response) {
    }

    private void remember(String version, List<Scenario> scenarios, SuiteResult run) {
        Map<String, PatientCase> patients = new HashMap<>();
        scenarios.forEach(s -> patients.put(s.id(), s.patient()));
        Map<String, Answer> byId = new HashMap<>();
        run.scenarios().forEach(r -> byId.put(r.id(), new Answer(patients.get(r.id()), r.actual())));
        gateAnswers.put(version, new GateAnswers(today(), byId));
    }

    /** Each scenario's patient and answer from today's gate run of this version, if one of the last two runs was of it. */
    public Optional<Map<String, Answer>> gateAnswers(String version) {
        return Optional.ofNullable(gateAnswers.get(version)).filter(a -> a.day().equals(today())).map(GateAnswers::byId);
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
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
        SuiteResult run = runner.run(candidate, scenarios);
        remember(candidate.version(), scenarios, run);
        List<String> failures = new ArrayList<>(run.failures().stream().map(ScenarioResult::summary).toList());
        if (generatedPatients > 0) {
            GeneratedPatientCheck.Result result = generated.run(candidate, GeneratedPatientCheck.DEFAULT_SEED, generatedPatients);
            failures.addAll(result.failures());
        }
        return failures;
    }
}
