package org.hccguidance.explain;

import org.hccguidance.ShippedRules;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.explain.Explanation.Condition;
import org.hccguidance.explain.Explanation.NearMiss;
import org.hccguidance.explain.Explanation.Status;
import org.hccguidance.explain.Explanation.Step;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Explanations on the shipped rules: a recommended option, an excluded one and one never offered. */
class ExplainerTests {

    /** After immunotherapy, AFP 320: ramucirumab is ruled out below the 400 cut-off; Child-Pugh from the five components. */
    static final String AFP_320 = """
            {"patientRef": "explain-1", "ecog": 1, "bclcStage": "C",
             "liver": {"bilirubinMgDl": 1.0, "albuminGDl": 3.9, "inr": 1.0, "ascites": "NONE", "encephalopathy": "NONE"},
             "tumour": {"afpNgMl": 320},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false}}
            """;

    /** The same patient with AFP not reported: no rule concludes about ramucirumab. */
    static final String AFP_UNKNOWN = AFP_320.replace("\"tumour\": {\"afpNgMl\": 320},", "");

    private final Explainer explainer = new Explainer(new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC());

    private Explanation explain(String patient, String code) {
        return explainer.explain(ShippedRules.ruleSet(), ShippedRules.patient(patient), code);
    }

    private static Step step(Explanation x, int number) {
        return x.steps().stream().filter(s -> s.step() == number).findFirst().orElseThrow();
    }

    private static int lineOf(String file, String ruleName) throws IOException {
        List<String> lines = Files.readAllLines(ShippedRules.RULES.resolve(file));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).trim().equals("rule \"" + ruleName + "\"")) {
                return i + 1;
            }
        }
        throw new AssertionError("no rule " + ruleName + " in " + file);
    }

    @Test
    void aRecommendedOptionIsExplainedByTheRuleThatOfferedItAndTheChainBelow() throws IOException {
        Explanation x = explain(AFP_320, "LENVATINIB");
        assertThat(x.status()).isEqualTo(Status.RECOMMENDED);
        assertThat(x.summary()).startsWith("recommended, rank ").contains("STANDARD");
        assertThat(x.nearMisses()).isEmpty();
        Step offer = step(x, x.conclusions().get(0));
        assertThat(offer.rule().name()).isEqualTo("Lenvatinib after immunotherapy");
        assertThat(offer.rule().file()).isEqualTo("post_io/systemic-options.drl");
        assertThat(offer.rule().line()).isEqualTo(lineOf("post_io/systemic-options.drl", "Lenvatinib after immunotherapy"));
        assertThat(offer.rule().phase()).isEqualTo("options");
        assertThat(offer.rule().citation()).startsWith("Review section 4.2, Table 3 [46]");
        assertThat(offer.concluded()).anyMatch(c -> c.startsWith("Option(code=\"LENVATINIB\""));

        // Setting and fitness are facts earlier rules derived: the step points at the steps that derived them.
        Condition setting = offer.conditions().get(0);
        assertThat(setting.condition()).startsWith("Setting(afterImmunotherapy");
        assertThat(setting.values()).containsEntry("afterImmunotherapy", "true");
        Step settingStep = step(x, setting.fromStep());
        assertThat(settingStep.rule().name()).isEqualTo("Progression on an immunotherapy line means post-IO progression");
        assertThat(settingStep.conditions().get(0).origin()).isEqualTo("patient data");
        assertThat(settingStep.conditions().get(0).values()).containsEntry("regimen", "ATEZOLIZUMAB_BEVACIZUMAB")
                .containsEntry("outcome", "PROGRESSION");
        assertThat(settingStep.conditions()).anyMatch(c -> c.condition().startsWith("exists RegimenComponent")
                && c.matched() != null && c.matched().contains("ATEZOLIZUMAB_BEVACIZUMAB"));
        Condition fitness = offer.conditions().get(1);
        assertThat(step(x, fitness.fromStep()).rule().name()).isEqualTo("Child-Pugh A with ECOG 0-1 is fit for active therapy");
        assertThat(offer.builtOn()).contains(setting.fromStep(), fitness.fromStep());
    }

    @Test
    void derivedValuesShowChildPughPointsPerComponentAlbiAndTheBclcEstimate() {
        Explanation x = explain(AFP_320, "LENVATINIB");
        assertThat(x.derived()).extracting(Explanation.DerivedValue::fact)
                .contains("ChildPugh(score=5, childPughClass=A)", "Bclc(stage=C)").anyMatch(f -> f.startsWith("Albi(score=-2.501, grade=2)"));
        Step computed = x.steps().stream().filter(s -> s.rule().name().equals("Child-Pugh score is computed from the five components"))
                .findFirst().orElseThrow();
        Explanation.Computation points = computed.computations().get(0);
        assertThat(points.call()).startsWith("childPughPoints(bilirubinMgDl 1, albuminGDl 3.9, inr 1, ascites NONE, encephalopathy NONE)");
        assertThat(points.value()).isEqualTo("5");
        assertThat(points.terms()).containsExactly("bilirubinMgDl 1 -> 1", "albuminGDl 3.9 -> 1", "inr 1 -> 1",
                "ascites NONE -> 1", "encephalopathy NONE -> 1");
        Step albi = x.steps().stream().filter(s -> s.rule().file().equals("derived/albi.drl")).findFirst().orElseThrow();
        assertThat(albi.computations().get(0).call()).startsWith("albiScore(bilirubinMgDl 1, albuminGDl 3.9)");
        assertThat(albi.computations().get(0).value()).isEqualTo("-2.5");
        assertThat(albi.computations().get(0).terms()).containsExactly("bilirubinMgDl 1 -> 0.81", "albuminGDl 3.9 -> -3.32");
        Step bclc = x.steps().stream().filter(s -> s.rule().name().equals("Use the most advanced BCLC estimate")).findFirst().orElseThrow();
        Step estimate = step(x, bclc.conditions().get(0).fromStep());
        assertThat(estimate.rule().name()).isEqualTo("BCLC C when ECOG is 1 or 2");
        assertThat(estimate.conditions().get(0).values()).containsEntry("ecog", "1");
    }

    @Test
    void anExcludedOptionIsExplainedByTheExclusionAndTheConditionThatKeptItsOfferFromFiring() throws IOException {
        Explanation x = explain(AFP_320, "RAMUCIRUMAB");
        assertThat(x.status()).isEqualTo(Status.NOT_RECOMMENDED);
        assertThat(x.summary()).isEqualTo("not recommended: AFP 320 ng/mL is below 400 ng/mL");
        Step exclusion = step(x, x.conclusions().get(0));
        assertThat(exclusion.rule().name()).isEqualTo("Ramucirumab needs AFP of at least 400");
        assertThat(exclusion.rule().line()).isEqualTo(lineOf("post_io/ramucirumab.drl", "Ramucirumab needs AFP of at least 400"));
        Condition tumour = exclusion.conditions().stream().filter(c -> c.condition().startsWith("Tumour(")).findFirst().orElseThrow();
        assertThat(tumour.values()).containsEntry("afpNgMl", "320").containsEntry("$cut", "400");
        assertThat(tumour.origin()).isEqualTo("patient data");
        Condition threshold = exclusion.conditions().stream().filter(c -> c.condition().startsWith("Threshold(")).findFirst().orElseThrow();
        assertThat(threshold.origin()).isEqualTo("reference data");

        NearMiss nearest = x.nearMisses().get(0);
        assertThat(nearest.rule().name()).isEqualTo("Ramucirumab when AFP is at or above the cut-off");
        assertThat(nearest.conditionsHeld()).isEqualTo(3);
        assertThat(nearest.conditions()).isEqualTo(4);
        assertThat(nearest.failedCondition()).isEqualTo("Tumour($afp : afpNgMl != null, afpNgMl >= $cut)");
        assertThat(nearest.why()).isEqualTo("afpNgMl >= $cut: afpNgMl 320 < $cut 400");
        assertThat(nearest.rule().citation()).contains("REACH-2");
    }

    @Test
    void anAbsentOptionNamesTheNearestRuleAndTheConditionThatFailed() {
        Explanation x = explain(AFP_UNKNOWN, "RAMUCIRUMAB");
        assertThat(x.status()).isEqualTo(Status.ABSENT);
        assertThat(x.conclusions()).isEmpty();
        NearMiss nearest = x.nearMisses().get(0);
        assertThat(nearest.rule().name()).isEqualTo("Ramucirumab when AFP is at or above the cut-off");
        assertThat(nearest.failedCondition()).startsWith("Tumour(");
        assertThat(nearest.why()).isEqualTo("there is no Tumour fact");

        // First line: the setting is what fails, with the value that made it fail.
        Explanation firstLine = explain("""
                {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 520}}
                """, "RAMUCIRUMAB");
        assertThat(firstLine.status()).isEqualTo(Status.ABSENT);
        assertThat(firstLine.nearMisses().get(0).failedCondition()).startsWith("Setting(firstLine == false");
        assertThat(firstLine.nearMisses().get(0).why()).isEqualTo("firstLine == false: firstLine is true, not false");
        assertThat(firstLine.nearMisses().get(0).conditionsHeld()).isZero();
    }

    @Test
    void aNearMissOnADecisionTableRowNamesTheRowAndItsFailedCondition() {
        Explanation x = explain(AFP_320.replace("\"progression\"", "\"molecularProfile\": {\"tested\": true, \"alterations\": "
                + "[{\"gene\": \"KRAS\", \"type\": \"AMPLIFICATION\"}]}, \"progression\""), "PALBOCICLIB");
        assertThat(x.status()).isEqualTo(Status.ABSENT);
        NearMiss row = x.nearMisses().get(0);
        assertThat(row.rule().file()).isEqualTo("molecular/matched-therapy.drl.csv");
        assertThat(row.rule().row()).isNotNull();
        assertThat(row.rule().location()).matches("molecular/matched-therapy\\.drl\\.csv row \\d+");
        assertThat(row.failedCondition()).contains("geneIn(\"CDK4\")");
    }

    @Test
    void anAlertCodeIsExplainedByTheRuleThatRaisedIt() {
        Explanation x = explain("""
                {"ecog": 2, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 20}}
                """, "OUTSIDE_PIVOTAL_TRIAL_POPULATION");
        assertThat(x.status()).isEqualTo(Status.CONCLUDED);
        Step raised = step(x, x.conclusions().get(0));
        assertThat(raised.rule().name()).isEqualTo("Child-Pugh B7 or ECOG 2 keeps options with a warning");
        assertThat(raised.conditions()).anyMatch(c -> c.condition().startsWith("eval(") && "2".equals(c.values().get("$e")));
    }

    @Test
    void codesAreMatchedInAnyCaseAndAnUnknownCodeGetsTheNearestKnownOnes() {
        assertThat(explain(AFP_320, "lenvatinib").code()).isEqualTo("LENVATINIB");
        assertThatThrownBy(() -> explain(AFP_320, "RAMUCIRUMB")).isInstanceOf(UnknownCodeException.class)
                .hasMessage("'RAMUCIRUMB' is not a code this rule set knows; did you mean 'RAMUCIRUMAB'?");
        assertThatThrownBy(() -> explain(AFP_320, "ASPIRIN")).isInstanceOf(UnknownCodeException.class)
                .hasMessageNotContaining("did you mean");
    }

    @Test
    void everyScenarioPatientsOptionsCanBeExplained() {
        var ruleSet = ShippedRules.ruleSet();
        for (var scenario : org.hccguidance.scenario.ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS)) {
            var guidance = ShippedRules.evaluate(scenario.patient());
            List<String> codes = new java.util.ArrayList<>();
            guidance.recommendations().forEach(r -> codes.add(r.code()));
            guidance.notRecommended().forEach(n -> codes.add(n.code()));
            codes.add("RAMUCIRUMAB");
            for (String code : codes) {
                Explanation x = explainer.explain(ruleSet, scenario.patient(), code);
                String what = scenario.id() + " " + code;
                if (guidance.recommends(code)) {
                    assertThat(x.status()).as(what).isEqualTo(Status.RECOMMENDED);
                }
                if (x.status() != Status.ABSENT) {
                    assertThat(x.conclusions()).as(what).isNotEmpty();
                }
                for (Step s : x.steps()) {
                    assertThat(s.rule().line() != null || s.rule().row() != null).as(what + ": " + s.rule().name()).isTrue();
                }
                for (NearMiss n : x.nearMisses()) {
                    // Only a condition this explainer cannot re-check (from, accumulate) may leave a miss unexplained.
                    assertThat(n.failedCondition() != null || !n.notChecked().isEmpty()).as(what + ": " + n.rule().name()).isTrue();
                }
                assertThat(ExplanationText.render(x)).startsWith(x.code() + ": ");
            }
        }
    }

    @Test
    void theTextFormShowsNoPatientValue() {
        Explanation x = explain(AFP_320, "RAMUCIRUMAB");
        assertThat(x.toString()).doesNotContain("320").doesNotContain("ATEZOLIZUMAB");
        String text = ExplanationText.render(x);
        assertThat(text).contains("RAMUCIRUMAB: not recommended").contains("because afpNgMl >= $cut: afpNgMl 320 < $cut 400")
                .contains("post_io/ramucirumab.drl:");
    }
}
