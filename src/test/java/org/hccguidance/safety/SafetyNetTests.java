package org.hccguidance.safety;

import org.hccguidance.ShippedRules;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.NotRecommended;
import org.hccguidance.guidance.Severity;
import org.hccguidance.guidance.TrialMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule set with a planted fault: the generated-patient gate finds it and names the invariant, and
 * with no gate the live response withholds the offending item behind a CRITICAL alert.
 */
public class SafetyNetTests {

    static final String BLEED = """
            {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 50},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false},
             "risks": {"recentVaricealBleeding": true}}""";

    /** Planted in the last phase, after the trial checks: it offers a VEGF-targeting trial despite a bleed. */
    public static final String PLANTED_TRIAL = """
            package rules.planted;
            ruleflow-group "closing"
            import org.hccguidance.facts.*;
            import org.hccguidance.guidance.*;
            import java.util.List;

            rule "Planted: offer the apatinib trial whatever the risks"
            when
              AntiVegfContraindication()
              PatientCase()
              TrialListing(id == "NCT04826406", $title : title, $agents : interventions)
            then
              insert(new TrialMatch("NCT04826406", $title, List.of("planted"), $agents));
            end
            """;

    private final GuidanceEngine engine = new GuidanceEngine(EvaluationLimits.DEFAULT);

    @Test
    void theGeneratedPatientGateFindsAPlantedVegfTrialAndNamesI1(@TempDir Path dir) throws IOException {
        RuleSet planted = ShippedRules.withPlanted(dir, PLANTED_TRIAL);
        try {
            GeneratedPatientCheck.Result result = new GeneratedPatientCheck(engine, Clock.systemUTC())
                    .run(planted, GeneratedPatientCheck.DEFAULT_SEED, 2_000);
            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).allSatisfy(f -> assertThat(f.problem()).contains("NCT04826406"))
                    .anySatisfy(f -> assertThat(f.problem()).contains("safety check I1 on trial NCT04826406")
                            .contains("APATINIB (= RIVOCERANIB) (VEGFR_MKI)")
                            .contains("Planted: offer the apatinib trial whatever the risks"));
            // The report carries the patient, so the committee can save it as a scenario.
            String report = result.failures().get(0);
            String json = report.substring(report.indexOf("patient: ") + "patient: ".length());
            assertThat(ShippedRules.patient(json).risks()).isNotNull();
        } finally {
            planted.release();
        }
    }

    @Test
    void withoutTheGateTheLiveResponseWithholdsTheTrialBehindACriticalAlert(@TempDir Path dir) throws IOException {
        RuleSet planted = ShippedRules.withPlanted(dir, PLANTED_TRIAL);
        try {
            // ECOG 2: the trial's own criteria do not admit the patient, so only the planted rule offers it.
            GuidanceService.Traced traced = GuidanceService.trace(ShippedRules.patient(BLEED.replace("\"ecog\": 1", "\"ecog\": 2")),
                    planted, engine, Clock.systemUTC());
            assertThat(traced.violations()).extracting(Violation::invariant).contains(Invariant.I1);
            GuidanceResponse g = traced.response();
            assertThat(g.trials()).extracting(TrialMatch::id).doesNotContain("NCT04826406");
            assertThat(g.trialsNotOffered()).anySatisfy(t -> {
                assertThat(t.id()).isEqualTo("NCT04826406");
                assertThat(t.reason()).startsWith("withheld by safety check I1: contains APATINIB (= RIVOCERANIB) (VEGFR_MKI)");
            });
            assertThat(g.alerts()).anySatisfy(a -> {
                assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
                assertThat(a.code()).isEqualTo("SAFETY_CHECK_I1");
                assertThat(a.message()).contains("NCT04826406");
            });
            assertThat(g.recommends("NIVOLUMAB_IPILIMUMAB")).isTrue();
            // The only trial was withheld, so enrolment is no longer an option either.
            assertThat(g.recommends("CLINICAL_TRIAL")).isFalse();
        } finally {
            planted.release();
        }
    }

    @Test
    void anOptionThatRepeatsAProgressedAgentIsWithheldUnderI2(@TempDir Path dir) throws IOException {
        RuleSet planted = ShippedRules.withPlanted(dir, """
                package rules.planted;
                ruleflow-group "closing"
                import org.hccguidance.facts.*;
                import org.hccguidance.guidance.*;

                rule "Planted: offer nivolumab alone after nivolumab"
                when
                  PriorTherapy(regimen == "NIVOLUMAB", outcome == TherapyOutcome.PROGRESSION)
                then
                  insert(new Option("PEMBROLIZUMAB", Category.SYSTEMIC, Strength.STANDARD, "AFTER_MKI_PEMBROLIZUMAB", "x", "planted"));
                  insert(new Option("NIVOLUMAB", Category.SYSTEMIC, Strength.STANDARD, "AFTER_MKI_NIVOLUMAB", "Nivolumab", "planted"));
                end
                """);
        try {
            GuidanceResponse g = GuidanceService.evaluate(ShippedRules.patient("""
                    {"ecog": 1, "liver": {"childPughScore": 5},
                     "priorSystemicTherapies": [{"regimen": "NIVOLUMAB", "line": 1, "outcome": "PROGRESSION"}]}"""),
                    planted, engine, Clock.systemUTC());
            assertThat(g.recommends("NIVOLUMAB")).isFalse();
            assertThat(g.notRecommended()).filteredOn(n -> n.code().equals("NIVOLUMAB")).singleElement()
                    .extracting(NotRecommended::reason).asString()
                    .contains("withheld by safety check I2: contains NIVOLUMAB, on which the patient progressed (NIVOLUMAB, line 1)");
            assertThat(g.alerts()).extracting(Alert::code).contains("SAFETY_CHECK_I2");
            assertRanksRunFromOne(g);
        } finally {
            planted.release();
        }
    }

    @Test
    void activeTherapyInChildPughCAndAnUnbackedOptionAreWithheldUnderI4AndI5(@TempDir Path dir) throws IOException {
        RuleSet planted = ShippedRules.withPlanted(dir, """
                package rules.planted;
                ruleflow-group "closing"
                import org.hccguidance.facts.*;
                import org.hccguidance.guidance.*;

                rule "Planted: local therapy and an unbacked drug for everyone"
                when
                  PatientCase()
                then
                  insert(new Option("LOCOREGIONAL_THERAPY", Category.LOCOREGIONAL, Strength.STANDARD, "INTERMEDIATE_STAGE_LOCOREGIONAL", "Local therapy", "planted"));
                  insert(new Option("UNBACKED_DRUG", Category.SYSTEMIC, Strength.CONSIDER, "AFTER_IO_LENVATINIB", "Unbacked", "planted"));
                end
                """);
        try {
            GuidanceResponse g = GuidanceService.evaluate(ShippedRules.patient("{\"ecog\": 1, \"liver\": {\"childPughScore\": 11}}"),
                    planted, engine, Clock.systemUTC());
            assertThat(g.recommends("LOCOREGIONAL_THERAPY")).isFalse();
            assertThat(g.recommends("UNBACKED_DRUG")).isFalse();
            assertThat(g.notRecommended()).anySatisfy(n -> assertThat(n.reason())
                    .contains("withheld by safety check I4: active therapy while Child-Pugh C"));
            assertThat(g.notRecommended()).anySatisfy(n -> assertThat(n.reason())
                    .contains("withheld by safety check I5: no evidence row backs this systemic option"));
            assertThat(g.recommendations()).extracting(r -> r.code()).contains("BEST_SUPPORTIVE_CARE");
            assertRanksRunFromOne(g);
        } finally {
            planted.release();
        }
    }

    @Test
    void aCodeBothRecommendedAndNotIsWithheldUnderI3() {
        GuidanceService.Traced traced = GuidanceService.trace(ShippedRules.patient(BLEED), ShippedRules.ruleSet(), engine,
                Clock.systemUTC());
        GuidanceResponse g = traced.response();
        assertThat(traced.violations()).isEmpty();
        List<NotRecommended> both = new ArrayList<>(g.notRecommended());
        both.add(new NotRecommended("MDT_DISCUSSION", "contradiction planted by the test", List.of()));
        GuidanceResponse contradictory = new GuidanceResponse(g.patientRef(), g.setting(), g.derived(), g.recommendations(),
                both, g.trials(), g.trialsNotOffered(), g.alerts(), g.missingData(), g.audit());
        List<Violation> violations = SafetyInvariants.check(contradictory, traced.evaluation());
        assertThat(violations).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo(Invariant.I3);
            assertThat(v.code()).isEqualTo("MDT_DISCUSSION");
        });
        GuidanceResponse fixed = SafetyNet.enforce(contradictory, violations);
        assertThat(fixed.recommends("MDT_DISCUSSION")).isFalse();
        assertRanksRunFromOne(fixed);
    }

    private static void assertRanksRunFromOne(GuidanceResponse g) {
        for (int i = 0; i < g.recommendations().size(); i++) {
            assertThat(g.recommendations().get(i).rank()).isEqualTo(i + 1);
        }
    }
}
