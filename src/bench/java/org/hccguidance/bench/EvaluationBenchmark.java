package org.hccguidance.bench;

import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientFacts;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioLoader;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Evaluation cost on a shared rule base: every scenario patient in turn through the full guidance
 * path (facts, rules, assembly), against the engine's floor: the same patients' facts through a bare
 * stateless session whose one rule matches a patient and does nothing.
 */
public class EvaluationBenchmark {

    @State(Scope.Benchmark)
    public static class Shared {
        RuleSet shipped;
        RuleSet trivial;
        GuidanceEngine engine;
        List<PatientCase> patients;
        List<List<Object>> facts;

        @Setup(Level.Trial)
        public void load() throws IOException {
            engine = new GuidanceEngine(EvaluationLimits.DEFAULT);
            shipped = new RuleSetCompiler().compile(RuleSources.fromDirectory(Path.of("rules")));
            Path dir = Files.createTempDirectory("trivial-rules");
            Files.writeString(dir.resolve("trivial.drl"), "package rules.trivial;\nruleflow-group \"derive\"\nimport org.hccguidance.facts.*;\n"
                    + "rule \"Patient seen\"\nwhen\n  PatientCase()\nthen\nend\n");
            trivial = new RuleSetCompiler().compile(RuleSources.fromDirectory(dir));
            patients = ScenarioLoader.fromDirectory(Path.of("scenarios")).stream().map(Scenario::patient).toList();
            facts = patients.stream().map(PatientFacts::of).toList();
        }

        @TearDown(Level.Trial)
        public void release() {
            shipped.release();
            trivial.release();
        }
    }

    /** Each thread walks the patient list on its own. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int take(int size) {
            int i = next;
            next = (next + 1) % size;
            return i;
        }
    }

    @Benchmark
    public GuidanceResponse guidance(Shared s, Cursor c) {
        return GuidanceService.evaluate(s.patients.get(c.take(s.patients.size())), s.shipped, s.engine, Clock.systemUTC());
    }

    @Benchmark
    public int bareDroolsFloor(Shared s, Cursor c) {
        KieBase base = s.trivial.kieBase();
        StatelessKieSession session = base.newStatelessKieSession();
        List<Object> facts = s.facts.get(c.take(s.facts.size()));
        session.execute(facts);
        return facts.size();
    }
}
