package org.hccguidance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class GuidanceEngineTests {

    private static final String HEADER = "package rules.t;\nruleflow-group \"options\"\nimport org.hccguidance.facts.*;\n";
    /** Each firing inserts the fact that matches it next: a chain that never ends by itself. */
    private static final String LOOP = HEADER + """
            rule "Loop forever"
            when
              Threshold(name == "LOOP", $v : value)
              not Threshold(name == "LOOP", value > $v)
            then
              insert(new Threshold("LOOP", $v + 1));
            end
            """;

    private static RuleSet compile(Path dir, String file, String drl) throws IOException {
        Files.writeString(dir.resolve(file), drl);
        return new RuleSetCompiler(Clock.systemUTC()).compile(RuleSources.fromDirectory(dir));
    }

    @Test
    void aRunawayRuleHitsTheFiringCapWithAClearError(@TempDir Path dir) throws IOException {
        GuidanceEngine engine = new GuidanceEngine(new EvaluationLimits(500, Duration.ofSeconds(30), 100_000, 1_000_000));
        RuleSet rs = compile(dir, "loop.drl", LOOP);
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(rs, List.of(new org.hccguidance.facts.Threshold("LOOP", 0))));
        assertThat(e.kind()).isEqualTo(RuleExecutionException.Kind.FIRING_LIMIT);
        assertThat(e.getMessage()).contains("500 rule firings").contains("Loop forever");
        // The same snapshot still serves a normal evaluation afterwards.
        assertThat(engine.evaluate(rs, List.of()).firedRules()).isEmpty();
        rs.release();
    }

    @Test
    void aRuleThatInsertsWithoutEndHitsTheFactCap(@TempDir Path dir) throws IOException {
        GuidanceEngine engine = new GuidanceEngine(new EvaluationLimits(1_000_000, Duration.ofSeconds(30), 300, 1_000_000));
        RuleSet rs = compile(dir, "loop.drl", LOOP);
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(rs, List.of(new org.hccguidance.facts.Threshold("LOOP", 0))));
        assertThat(e.kind()).isEqualTo(RuleExecutionException.Kind.FACT_LIMIT);
        assertThat(e.getMessage()).contains("cap of 300 facts").contains("Loop forever");
        assertThat(e.ruleName()).isEqualTo("Loop forever");
        rs.release();
    }

    @Test
    void aJoinThatMultipliesFactsIsStoppedWhileItPropagates(@TempDir Path dir) throws IOException {
        // Thirty facts joined four ways would be 810 000 matches: the cap stops the join long before that.
        StringBuilder seed = new StringBuilder(HEADER + "rule \"Seed\"\nwhen\n  PatientCase()\nthen\n");
        for (int i = 0; i < 30; i++) {
            seed.append("  insert(new Threshold(\"N").append(i).append("\", ").append(i).append("));\n");
        }
        seed.append("end\n\nrule \"Cross product\"\nwhen\n  Threshold($a : value)\n  Threshold($b : value)\n"
                + "  Threshold($c : value)\n  Threshold($d : value)\nthen\n  insert(new Threshold(\"X\", $a + $b + $c + $d));\nend\n");
        GuidanceEngine engine = new GuidanceEngine(new EvaluationLimits(10_000_000, Duration.ofSeconds(60), 10_000_000, 5_000));
        RuleSet rs = compile(dir, "cross.drl", seed.toString());
        long started = System.nanoTime();
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(rs, org.hccguidance.facts.PatientFacts.of(org.hccguidance.ShippedRules.patient("{\"ecog\": 1}"))));
        assertThat(e.kind()).isEqualTo(RuleExecutionException.Kind.MATCH_LIMIT);
        assertThat(e.getMessage()).contains("5000 rule matches").contains("Cross product");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        rs.release();
    }

    @Test
    void aRunawayRuleHitsTheCpuTimeBudgetWithAClearError(@TempDir Path dir) throws IOException {
        GuidanceEngine engine = new GuidanceEngine(new EvaluationLimits(Integer.MAX_VALUE, Duration.ofMillis(200),
                Integer.MAX_VALUE, Integer.MAX_VALUE));
        RuleSet rs = compile(dir, "loop.drl", LOOP);
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(rs, List.of(new org.hccguidance.facts.Threshold("LOOP", 0))));
        assertThat(e.kind()).isEqualTo(RuleExecutionException.Kind.TIME_LIMIT);
        assertThat(e.getMessage()).contains("time budget of 200 ms of CPU time").contains("Loop forever");
        rs.release();
    }

    @Test
    void aRuleThatThrowsIsNamedWithoutItsExceptionMessage(@TempDir Path dir) throws IOException {
        RuleSet rs = compile(dir, "throw.drl", HEADER + """
                rule "Parses a bad number"
                when
                  Threshold(name == "BAD")
                then
                  insert(new Threshold("N", Integer.valueOf("patient value 127")));
                end
                """);
        GuidanceEngine engine = new GuidanceEngine(EvaluationLimits.DEFAULT);
        RuleExecutionException e = catchThrowableOfType(RuleExecutionException.class,
                () -> engine.evaluate(rs, List.of(new org.hccguidance.facts.Threshold("BAD", 0))));
        assertThat(e.kind()).isEqualTo(RuleExecutionException.Kind.RULE_ERROR);
        assertThat(e.ruleName()).isEqualTo("Parses a bad number");
        assertThat(e.getMessage()).contains("NumberFormatException").doesNotContain("127");
        rs.release();
    }

    @Test
    void pooledSessionsCarryNothingFromOneEvaluationToTheNext() {
        var postIo = org.hccguidance.ShippedRules.patient("""
                {"ecog": 1, "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 800},
                 "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
                 "risks": {"recentVaricealBleeding": true}}""");
        var firstLine = org.hccguidance.ShippedRules.patient("{\"ecog\": 0, \"liver\": {\"childPughScore\": 5}}");
        var a = org.hccguidance.ShippedRules.evaluate(postIo);
        var b = org.hccguidance.ShippedRules.evaluate(firstLine);
        for (int i = 0; i < 20; i++) {
            var again = org.hccguidance.ShippedRules.evaluate(i % 2 == 0 ? postIo : firstLine);
            var expected = i % 2 == 0 ? a : b;
            assertThat(again.recommendations()).isEqualTo(expected.recommendations());
            assertThat(again.notRecommended()).isEqualTo(expected.notRecommended());
            assertThat(again.alerts()).isEqualTo(expected.alerts());
            assertThat(again.audit().firedRules()).isEqualTo(expected.audit().firedRules());
        }
        assertThat(b.notRecommended()).extracting(n -> n.code()).doesNotContain("LENVATINIB", "RAMUCIRUMAB");
    }

    @Test
    void theSamePatientGetsTheSameAnswerWhateverThePooledSessionsSawBefore() throws IOException {
        // Pooled sessions keep network structure from earlier evaluations; the answer, audit included, must not show it.
        List<org.hccguidance.facts.PatientCase> patients = org.hccguidance.scenario.ScenarioLoader
                .fromDirectory(org.hccguidance.ShippedRules.SCENARIOS).stream()
                .map(org.hccguidance.scenario.Scenario::patient).toList();
        List<GuidanceResponseWithoutTime> first = patients.stream()
                .map(p -> GuidanceResponseWithoutTime.of(org.hccguidance.ShippedRules.evaluate(p))).toList();
        List<Integer> order = new java.util.ArrayList<>(java.util.stream.IntStream.range(0, patients.size()).boxed().toList());
        for (long seed = 1; seed <= 3; seed++) {
            java.util.Collections.shuffle(order, new java.util.Random(seed));
            for (int i : order) {
                assertThat(GuidanceResponseWithoutTime.of(org.hccguidance.ShippedRules.evaluate(patients.get(i))))
                        .as("patient %d, pass %d", i, seed).isEqualTo(first.get(i));
            }
        }
        assertThat(first).hasSizeGreaterThan(50);
    }

    /** A response with the two fields that legitimately differ between runs (time and duration) cleared. */
    private record GuidanceResponseWithoutTime(org.hccguidance.guidance.GuidanceResponse response) {
        static GuidanceResponseWithoutTime of(org.hccguidance.guidance.GuidanceResponse r) {
            var a = r.audit();
            return new GuidanceResponseWithoutTime(new org.hccguidance.guidance.GuidanceResponse(r.patientRef(), r.setting(),
                    r.derived(), r.recommendations(), r.notRecommended(), r.trials(), r.trialsNotOffered(), r.alerts(), r.missingData(),
                    new org.hccguidance.guidance.Audit(a.rulesetVersion(), a.rulesetSource(), a.firedRules(), null, 0)));
        }
    }
}
