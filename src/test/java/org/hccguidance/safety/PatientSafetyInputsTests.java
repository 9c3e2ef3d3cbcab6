package org.hccguidance.safety;

import org.hccguidance.ShippedRules;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.AdverseEvent;
import org.hccguidance.facts.Histology;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientValidation;
import org.hccguidance.guidance.Alert;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.InvalidPatientException;
import org.hccguidance.guidance.PatientCheck;
import org.hccguidance.guidance.Severity;
import org.hccguidance.guidance.TrialMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The patient-safety inputs (hepatitis, labs, pregnancy, breastfeeding, histology, attributed adverse events,
 * steroid dose): the safety net holds every response to the bars they create, whatever a rule set says; the
 * attributed agent is checked against the catalogue; alert texts carry the values they are about.
 */
class PatientSafetyInputsTests {

    static final String PREGNANT_AFTER_IO = """
            {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 50},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false},
             "risks": {"pregnant": true}}""";

    static final String PROTEINURIA_3_1 = """
            {"ecog": 1, "bclcStage": "C", "liver": {"childPughScore": 5}, "tumour": {"afpNgMl": 900},
             "priorSystemicTherapies": [{"regimen": "SORAFENIB", "line": 1, "outcome": "PROGRESSION"}],
             "labs": {"urineProteinGPer24h": 3.1}}""";

    private final GuidanceEngine engine = new GuidanceEngine(EvaluationLimits.DEFAULT);

    @Test
    void pregnancyWithholdsEverySystemicOptionAndTrialOnTheShippedRules() {
        GuidanceService.Traced traced = GuidanceService.trace(ShippedRules.patient(PREGNANT_AFTER_IO), ShippedRules.ruleSet(),
                engine, Clock.systemUTC());
        assertThat(traced.violations()).isEmpty();
        GuidanceResponse g = traced.response();
        assertThat(g.recommendations()).allSatisfy(r -> assertThat(r.category().isActiveTherapy()).as(r.code()).isFalse());
        assertThat(g.recommendations().get(0).code()).isEqualTo("MDT_DISCUSSION");
        assertThat(g.trials()).isEmpty();
        assertThat(g.trialsNotOffered()).isNotEmpty().allSatisfy(t -> assertThat(t.reason()).contains("pregnancy"));
        assertThat(g.alerts()).anySatisfy(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.code()).isEqualTo("PREGNANCY");
        });
    }

    @Test
    void aRuleThatOffersDrugsOrTrialsDuringPregnancyIsCaughtUnderI1(@TempDir Path dir) throws IOException {
        // Planted in the last phase, after the exclusions: a matched therapy no rule offers here, and a trial
        // whose own criteria (ECOG 2) the patient does not meet, so that only the safety net stands in the way.
        RuleSet planted = ShippedRules.withPlanted(dir, """
                package rules.planted;
                ruleflow-group "closing"
                import org.hccguidance.facts.*;
                import org.hccguidance.guidance.*;
                import java.util.List;

                rule "Planted: everolimus and a trial whatever the pregnancy"
                when
                  SystemicTherapyBar()
                  TrialListing(id == "NCT05199285", $title : title, $agents : interventions)
                then
                  insert(new Option("EVEROLIMUS", Category.MOLECULAR_TARGETED, Strength.INVESTIGATIONAL, "MATCHED_EVEROLIMUS", "Everolimus", "planted"));
                  insert(new TrialMatch("NCT05199285", $title, List.of("planted"), $agents));
                end
                """);
        try {
            GuidanceService.Traced traced = GuidanceService.trace(ShippedRules.patient(PREGNANT_AFTER_IO.replace("\"ecog\": 1",
                    "\"ecog\": 2")), planted, engine, Clock.systemUTC());
            assertThat(traced.violations()).filteredOn(v -> v.invariant() == Invariant.I1).extracting(Violation::code)
                    .contains("EVEROLIMUS", "NCT05199285");
            GuidanceResponse g = traced.response();
            assertThat(g.recommends("EVEROLIMUS")).isFalse();
            assertThat(g.trials()).extracting(TrialMatch::id).doesNotContain("NCT05199285");
            assertThat(g.notRecommended()).anySatisfy(n -> assertThat(n.reason())
                    .contains("withheld by safety check I1: systemic therapy while pregnancy"));
            assertThat(g.trialsNotOffered()).anySatisfy(t -> assertThat(t.reason())
                    .contains("withheld by safety check I1: a treatment trial while pregnancy"));
            assertThat(g.alerts()).extracting(Alert::code).contains("SAFETY_CHECK_I1");

            // The generated-patient gate finds the planted rule too, and names the invariant.
            GeneratedPatientCheck.Result result = new GeneratedPatientCheck(engine, Clock.systemUTC())
                    .run(planted, GeneratedPatientCheck.DEFAULT_SEED, 2_000);
            assertThat(result.passed()).isFalse();
            assertThat(result.findings()).anySatisfy(f -> assertThat(f.problem()).contains("safety check I1")
                    .contains("while pregnancy"));
        } finally {
            planted.release();
        }
    }

    @Test
    void aRuleThatOffersAnAgentItsLabelWithholdsIsCaughtUnderI1(@TempDir Path dir) throws IOException {
        // Lenvatinib plus pembrolizumab is not proposed after sorafenib, so nothing excludes the planted offer.
        RuleSet planted = ShippedRules.withPlanted(dir, """
                package rules.planted;
                ruleflow-group "closing"
                import org.hccguidance.facts.*;
                import org.hccguidance.guidance.*;

                rule "Planted: lenvatinib plus pembrolizumab whatever the proteinuria"
                when
                  AgentRestriction(agent == "LENVATINIB", kind == RestrictionKind.DEFER)
                then
                  insert(new Option("LENVATINIB_PEMBROLIZUMAB", Category.SYSTEMIC, Strength.STANDARD, "FIRST_LINE_LENVATINIB", "Lenvatinib plus pembrolizumab", "planted"));
                end
                """);
        try {
            GuidanceService.Traced traced = GuidanceService.trace(ShippedRules.patient(PROTEINURIA_3_1), planted, engine,
                    Clock.systemUTC());
            assertThat(traced.violations()).anySatisfy(v -> {
                assertThat(v.invariant()).isEqualTo(Invariant.I1);
                assertThat(v.code()).isEqualTo("LENVATINIB_PEMBROLIZUMAB");
                assertThat(v.detail()).contains("contains LENVATINIB; urine protein 3.1 g/24 h");
            });
            assertThat(traced.response().recommends("LENVATINIB_PEMBROLIZUMAB")).isFalse();
        } finally {
            planted.release();
        }
        // The shipped rules rule the label-stopped agents out themselves.
        GuidanceService.Traced shipped = GuidanceService.trace(ShippedRules.patient(PROTEINURIA_3_1), ShippedRules.ruleSet(),
                engine, Clock.systemUTC());
        assertThat(shipped.violations()).isEmpty();
        assertThat(shipped.response().notRecommended()).anySatisfy(n -> {
            assertThat(n.code()).isEqualTo("RAMUCIRUMAB");
            assertThat(n.reason()).contains("discontinues it permanently above 3 g/24 h");
        });
    }

    @Test
    void theHepatitisBWarningNamesTheViralLoadWhenGiven() {
        String withDna = PROTEINURIA_3_1.replace("\"labs\": {\"urineProteinGPer24h\": 3.1}",
                "\"hepatitis\": {\"hbsAg\": \"POSITIVE\", \"hbvDnaIuMl\": 2400, \"antiviralTherapy\": false}");
        assertThat(ShippedRules.evaluate(withDna).alerts()).filteredOn(a -> a.code().equals("HBV_PROPHYLAXIS")).singleElement()
                .satisfies(a -> {
                    assertThat(a.severity()).isEqualTo(Severity.WARNING);
                    assertThat(a.message()).contains("HBV DNA 2400 IU/mL").contains("at least 12 months");
                });
        String withoutDna = withDna.replace(", \"hbvDnaIuMl\": 2400", "");
        assertThat(ShippedRules.evaluate(withoutDna).alerts()).filteredOn(a -> a.code().equals("HBV_PROPHYLAXIS")).singleElement()
                .satisfies(a -> assertThat(a.message()).contains("HBV DNA not reported"));
    }

    @Test
    void anAttributedAgentMustBeInTheCatalogue() {
        PatientCase unknown = ShippedRules.patient("""
                {"ecog": 1, "liver": {"childPughScore": 5},
                 "adverseEvents": [{"term": "COLITIS", "grade": 2}, {"term": "HAEMORRHAGE", "grade": 3, "attributedAgent": "ASPIRIN"},
                                   {"term": "RASH", "grade": 1, "attributedAgent": "AK112"}]}""");
        assertThat(PatientValidation.violations(unknown)).isEmpty();
        assertThatThrownBy(() -> PatientCheck.requireKnownCodes(unknown, ShippedRules.ruleSet()))
                .isInstanceOfSatisfying(InvalidPatientException.class, e -> {
                    assertThat(e.problems()).extracting(p -> p.field())
                            .containsExactly("adverseEvents[1].attributedAgent", "adverseEvents[2].attributedAgent");
                    assertThat(e.problems().get(0).message()).contains("unknown agent code 'ASPIRIN'").contains("BEVACIZUMAB");
                    assertThat(e.problems().get(1).message()).contains("another name of IVONESCIMAB");
                });
        PatientCase known = ShippedRules.patient("""
                {"ecog": 1, "liver": {"childPughScore": 5},
                 "adverseEvents": [{"term": "HAEMORRHAGE", "grade": 3, "attributedAgent": "BEVACIZUMAB"},
                                   {"term": "COLITIS", "grade": 3, "attributedAgent": "CADONILIMAB"}]}""");
        PatientCheck.requireKnownCodes(known, ShippedRules.ruleSet());
    }

    @Test
    void adverseEventTermsMatchWholeWordsOfTheTerm() {
        AdverseEvent hepatitis = new AdverseEvent("IMMUNE_HEPATITIS", 3, true, true);
        assertThat(hepatitis.termIncludes("HEPATITIS")).isTrue();
        assertThat(hepatitis.termIncludes("PNEUMONITIS|HEPATITIS")).isTrue();
        assertThat(hepatitis.termIncludes("HEPAT")).isFalse();
        assertThat(hepatitis.termIncludes("")).isTrue();
        assertThat(new AdverseEvent("MYASTHENIA_GRAVIS_CRISIS", 3, true, true).termIncludes("MYASTHENIA_GRAVIS")).isTrue();
        assertThat(new AdverseEvent("GI_PERFORATION", 1, false, true).termIncludes("PERFORATION")).isTrue();
        assertThat(new AdverseEvent("HEPATIC_ENCEPHALOPATHY", 2, false, true)
                .termIncludes("PRES|RPLS|POSTERIOR_REVERSIBLE_ENCEPHALOPATHY_SYNDROME")).isFalse();
    }

    @Test
    void theGeneratorCoversTheNewInputsAroundTheirThresholds() {
        List<PatientCase> patients = PatientGenerator.forRuleSet(ShippedRules.ruleSet())
                .patients(GeneratedPatientCheck.DEFAULT_SEED, 3_000);
        assertThat(patients).allSatisfy(p -> assertThat(PatientValidation.violations(p)).isEmpty());
        patients.forEach(p -> PatientCheck.requireKnownCodes(p, ShippedRules.ruleSet()));
        assertThat(patients).anyMatch(p -> p.risks() != null && Boolean.TRUE.equals(p.risks().pregnant()));
        assertThat(patients).anyMatch(p -> p.risks() != null && Boolean.TRUE.equals(p.risks().breastfeeding()));
        assertThat(patients).anyMatch(p -> p.risks() != null && Boolean.FALSE.equals(p.risks().endoscopyWithinSixMonths()));
        assertThat(patients.stream().filter(p -> p.tumour() != null).map(p -> p.tumour().histology()).filter(Objects::nonNull)
                .distinct()).containsExactlyInAnyOrder(Histology.values());
        assertThat(patients.stream().filter(p -> p.labs() != null).map(p -> p.labs().plateletsE9L()))
                .contains(49.0, 50.0, 74.0, 75.0);
        assertThat(patients.stream().filter(p -> p.labs() != null).map(p -> p.labs().urineProteinGPer24h()))
                .contains(1.9, 2.0, 3.0, 3.1);
        assertThat(patients.stream().filter(p -> p.labs() != null).map(p -> p.labs().egfrMlMin())).contains(29.0, 30.0);
        assertThat(patients.stream().map(PatientCase::currentSteroidMgPrednisone)).contains(10.0, 10.5);
        assertThat(patients).anyMatch(p -> p.hepatitis() != null && p.hepatitis().hbsAg() != null
                && p.hepatitis().hbsAg().name().equals("POSITIVE") && Boolean.FALSE.equals(p.hepatitis().antiviralTherapy()));
        assertThat(patients.stream().flatMap(p -> p.adverseEvents().stream()).map(AdverseEvent::attributedAgent)
                .filter(Objects::nonNull).distinct()).contains("BEVACIZUMAB", "IPILIMUMAB", "LENVATINIB");
        assertThat(patients.stream().flatMap(p -> p.adverseEvents().stream()).map(AdverseEvent::symptomatic)
                .filter(Objects::nonNull).distinct()).contains(true, false);
    }
}
