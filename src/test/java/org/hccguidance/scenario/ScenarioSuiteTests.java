package org.hccguidance.scenario;

import org.hccguidance.ShippedRules;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.guidance.GuidanceText;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/** Every committee scenario in scenarios/ against the shipped rules/, one dynamic test each. */
class ScenarioSuiteTests {

    private static SuiteResult suite;

    private static synchronized SuiteResult suite() {
        if (suite == null) {
            List<Scenario> scenarios = ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS);
            suite = new ScenarioRunner(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC())
                    .run(ShippedRules.ruleSet(), scenarios);
        }
        return suite;
    }

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        return suite().scenarios().stream().map(r -> DynamicTest.dynamicTest(r.id(), () -> {
            if (!r.passed()) {
                fail(r.summary() + (r.actual() == null ? "" : "\n--- actual guidance ---\n" + GuidanceText.render(r.actual())));
            }
        }));
    }

    @Test
    void theShippedSuiteIsLargeEnoughAndFiresEveryRule() {
        assertThat(suite().scenarios()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(suite().coverage().unfired()).as("rules no scenario fired").isEmpty();
        assertThat(suite().coverage().percent()).isEqualTo(100.0);
    }

    @Test
    void anEvidenceRowNoResponseCitesIsReportedAsUntested(@TempDir Path dir) throws IOException {
        Path rules = org.hccguidance.TestFiles.copyTree(ShippedRules.RULES, dir.resolve("rules"));
        Path evidence = rules.resolve("evidence/evidence.csv");
        Files.writeString(evidence, Files.readString(evidence)
                + "Typo row,LENVATINB,AFTER_IO,Study,2024,RETROSPECTIVE,10,-,-,-,-,-,-,note,[1]\n");
        var ruleSet = new org.hccguidance.engine.RuleSetCompiler().compile(org.hccguidance.engine.RuleSources.fromDirectory(rules));
        try {
            SuiteResult result = new ScenarioRunner(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC())
                    .run(ruleSet, ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS));
            assertThat(result.coverage().uncitedEvidence()).containsExactly("Typo row");
            assertThat(result.coverage().unfired()).isEmpty();
        } finally {
            ruleSet.release();
        }
    }

    @Test
    void everyScenarioNamesItsSource() {
        assertThat(ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS))
                .allSatisfy(s -> assertThat(s.source()).matches("(?i).*(review|guideline|ASCO|AASLD|EASL|ESMO|BCLC|RESORCE|label|knowledge-base|engine issue|committee).*"));
    }

    @Test
    void everyCatalogueRegimenAppearsInSomeScenario() {
        List<Scenario> scenarios = ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS);
        for (String regimen : ShippedRules.ruleSet().knownRegimens()) {
            boolean used = suite().scenarios().stream().anyMatch(r -> r.actual() != null
                    && (r.actual().recommends(regimen) || r.actual().notRecommended().stream().anyMatch(n -> n.code().equals(regimen))))
                    || scenarios.stream().anyMatch(s -> s.patient().priorSystemicTherapies().stream().anyMatch(t -> t.regimen().equals(regimen)));
            assertThat(used).as("regimen %s is exercised by a scenario", regimen).isTrue();
        }
    }
}
