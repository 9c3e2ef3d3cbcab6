package org.hccguidance.facts;

import org.hccguidance.ShippedRules;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.GuidanceResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The derived facts the shipped rules compute, checked at every class boundary. */
class DerivedFactsTests {

    private static GuidanceResponse labs(double bilirubin, double albumin, double inr, String ascites, String enceph) {
        return ShippedRules.evaluate("""
                {"ecog": 1, "liver": {"bilirubinMgDl": %s, "albuminGDl": %s, "inr": %s, "ascites": "%s", "encephalopathy": "%s"}}
                """.formatted(bilirubin, albumin, inr, ascites, enceph));
    }

    @ParameterizedTest(name = "bilirubin {0} mg/dL scores {1}")
    @CsvSource({"1.99,5", "2.0,6", "3.0,6", "3.01,7"})
    void bilirubinPointsAtTheirBoundaries(double bilirubin, int score) {
        assertThat(labs(bilirubin, 4.0, 1.0, "NONE", "NONE").derived().childPughScore()).isEqualTo(score);
    }

    @ParameterizedTest(name = "albumin {0} g/dL scores {1}")
    @CsvSource({"3.51,5", "3.5,6", "2.8,6", "2.79,7"})
    void albuminPointsAtTheirBoundaries(double albumin, int score) {
        assertThat(labs(1.0, albumin, 1.0, "NONE", "NONE").derived().childPughScore()).isEqualTo(score);
    }

    @ParameterizedTest(name = "INR {0} scores {1}")
    @CsvSource({"1.69,5", "1.7,6", "2.3,6", "2.31,7"})
    void inrPointsAtTheirBoundaries(double inr, int score) {
        assertThat(labs(1.0, 4.0, inr, "NONE", "NONE").derived().childPughScore()).isEqualTo(score);
    }

    @ParameterizedTest(name = "ascites {0} and encephalopathy {1} score {2}")
    @CsvSource({"MILD,NONE,6", "MODERATE_SEVERE,NONE,7", "NONE,GRADE_1_2,6", "NONE,GRADE_3_4,7"})
    void ascitesAndEncephalopathyPoints(String ascites, String enceph, int score) {
        assertThat(labs(1.0, 4.0, 1.0, ascites, enceph).derived().childPughScore()).isEqualTo(score);
    }

    @ParameterizedTest(name = "score {0} is class {1}")
    @CsvSource({"5,A", "6,A", "7,B", "9,B", "10,C", "15,C"})
    void classBandsFromAGivenScore(int score, ChildPughClass cls) {
        GuidanceResponse g = ShippedRules.evaluate("{\"ecog\": 0, \"liver\": {\"childPughScore\": " + score + "}}");
        assertThat(g.derived().childPughClass()).isEqualTo(cls);
        assertThat(g.derived().childPughScore()).isEqualTo(score);
    }

    @Test
    void classBandsFromLabsAtSixSevenNineAndTen() {
        assertThat(labs(2.0, 4.0, 1.0, "NONE", "NONE").derived().childPughClass()).isEqualTo(ChildPughClass.A); // 6
        assertThat(labs(2.0, 3.0, 1.0, "NONE", "NONE").derived().childPughClass()).isEqualTo(ChildPughClass.B); // 7
        GuidanceResponse nine = labs(3.5, 2.5, 1.0, "NONE", "NONE");
        assertThat(nine.derived().childPughScore()).isEqualTo(9);
        assertThat(nine.derived().childPughClass()).isEqualTo(ChildPughClass.B);
        GuidanceResponse ten = labs(3.5, 2.5, 1.0, "MILD", "NONE");
        assertThat(ten.derived().childPughScore()).isEqualTo(10);
        assertThat(ten.derived().childPughClass()).isEqualTo(ChildPughClass.C);
        assertThat(ten.derived().bclcStage()).isEqualTo(BclcStage.D);
    }

    @Test
    void theMoreAdvancedGradeWinsAndTheDisagreementIsNamed() {
        GuidanceResponse g = ShippedRules.evaluate("""
                {"ecog": 1, "liver": {"childPughClass": "A", "bilirubinMgDl": 2.5, "albuminGDl": 3.0, "inr": 1.8,
                 "ascites": "NONE", "encephalopathy": "NONE"}}
                """);
        assertThat(g.derived().childPughClass()).isEqualTo(ChildPughClass.B);
        assertThat(g.derived().childPughScore()).isEqualTo(8);
        assertThat(g.alerts()).filteredOn(a -> a.code().equals("CHILD_PUGH_DISAGREEMENT")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("A").contains("B8"));
    }

    @Test
    void albiScoreAndGradeAtTheirCutOffs() {
        // 0.66*log10(bilirubin umol/L) - 0.085*albumin g/L
        GuidanceResponse g1 = labs(0.5, 4.5, 1.0, "NONE", "NONE");
        assertThat(g1.derived().albiScore()).isCloseTo(-3.21, org.assertj.core.data.Offset.offset(0.01));
        assertThat(g1.derived().albiGrade()).isEqualTo(1);
        // bilirubin 1.0 mg/dL, albumin 3.9 g/dL: -2.50, just above the grade 1 cut-off of -2.60
        GuidanceResponse g2 = labs(1.0, 3.9, 1.0, "NONE", "NONE");
        assertThat(g2.derived().albiScore()).isCloseTo(-2.50, org.assertj.core.data.Offset.offset(0.01));
        assertThat(g2.derived().albiGrade()).isEqualTo(2);
        // bilirubin 3.5, albumin 2.5: -0.95, above -1.39
        assertThat(labs(3.5, 2.5, 1.0, "NONE", "NONE").derived().albiGrade()).isEqualTo(3);
    }

    @Test
    void bclcDFromEcogAboveTwoOverridesAGivenStageWithAWarning() {
        GuidanceResponse g = ShippedRules.evaluate("{\"ecog\": 3, \"bclcStage\": \"C\", \"liver\": {\"childPughScore\": 5}}");
        assertThat(g.derived().bclcStage()).isEqualTo(BclcStage.D);
        assertThat(g.alerts()).extracting(Alert::code).contains("BCLC_DISAGREEMENT", "SUPPORTIVE_CARE_ONLY");
        GuidanceResponse two = ShippedRules.evaluate("{\"ecog\": 2, \"bclcStage\": \"C\", \"liver\": {\"childPughScore\": 5}}");
        assertThat(two.derived().bclcStage()).isEqualTo(BclcStage.C);
        assertThat(two.alerts()).extracting(Alert::code).doesNotContain("BCLC_DISAGREEMENT");
    }

    @Test
    void settingIsDerivedFromPriorTherapy() {
        assertThat(ShippedRules.evaluate("{\"ecog\": 0, \"liver\": {\"childPughScore\": 5}}").setting())
                .isEqualTo(TreatmentSetting.FIRST_LINE);
        assertThat(ShippedRules.evaluate("""
                {"ecog": 0, "liver": {"childPughScore": 5}, "priorSystemicTherapies":
                  [{"regimen": "NIVOLUMAB", "line": 1, "outcome": "INTOLERANCE"}]}""").setting())
                .isEqualTo(TreatmentSetting.POST_IO_INTOLERANCE);
    }

    @Test
    void incompleteInputGivesMissingDataNotAGuess() {
        GuidanceResponse g = ShippedRules.evaluate("{\"ecog\": 1, \"liver\": {\"bilirubinMgDl\": 1.0}}");
        assertThat(g.derived().childPughClass()).isNull();
        assertThat(g.missingData()).extracting(m -> m.field()).contains("liver");
        assertThat(g.recommendations()).isEmpty();
    }
}
