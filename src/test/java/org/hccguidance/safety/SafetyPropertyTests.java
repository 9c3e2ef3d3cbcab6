package org.hccguidance.safety;

import org.hccguidance.ShippedRules;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;
import org.hccguidance.facts.TreatmentSetting;
import org.hccguidance.guidance.GuidanceResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety invariants hold for every patient the generator makes, on the shipped rules. */
class SafetyPropertyTests {

    private static final int PATIENTS = 20_000;

    @Test
    void twentyThousandGeneratedPatientsBreakNoSafetyInvariantOnTheShippedRules() {
        GeneratedPatientCheck.Result result = new GeneratedPatientCheck(new GuidanceEngine(EvaluationLimits.DEFAULT),
                Clock.systemUTC()).run(ShippedRules.ruleSet(), GeneratedPatientCheck.DEFAULT_SEED, PATIENTS);
        assertThat(result.patients()).isEqualTo(PATIENTS);
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void theGeneratorIsDeterministicAndCoversTheInputSpace() {
        List<String> regimens = ShippedRules.ruleSet().knownRegimens().stream().sorted().toList();
        PatientGenerator generator = PatientGenerator.forRuleSet(ShippedRules.ruleSet());
        List<PatientCase> patients = generator.patients(GeneratedPatientCheck.DEFAULT_SEED, 3_000);
        assertThat(generator.patients(GeneratedPatientCheck.DEFAULT_SEED, 3_000)).isEqualTo(patients);
        assertThat(generator.patients(GeneratedPatientCheck.DEFAULT_SEED + 1, 50)).isNotEqualTo(patients.subList(0, 50));

        Set<String> priorRegimens = new HashSet<>();
        patients.forEach(p -> p.priorSystemicTherapies().stream().map(PriorTherapy::regimen).forEach(priorRegimens::add));
        assertThat(priorRegimens).containsAll(regimens);
        assertThat(patients).extracting(PatientCase::ecog).contains(0, 1, 2, 3, 4);

        Set<TreatmentSetting> settings = EnumSet.noneOf(TreatmentSetting.class);
        int withTrials = 0;
        int withTrialsWithheld = 0;
        int supportiveOnly = 0;
        for (PatientCase p : patients.subList(0, 1_500)) {
            GuidanceResponse g = ShippedRules.evaluate(p);
            if (g.setting() != null) {
                settings.add(g.setting());
            }
            withTrials += g.trials().isEmpty() ? 0 : 1;
            withTrialsWithheld += g.trialsNotOffered().isEmpty() ? 0 : 1;
            supportiveOnly += g.recommends("BEST_SUPPORTIVE_CARE") ? 1 : 0;
        }
        // The property test is only as strong as the cases it reaches.
        assertThat(settings).containsAll(EnumSet.allOf(TreatmentSetting.class));
        assertThat(withTrials).isGreaterThan(50);
        assertThat(withTrialsWithheld).isGreaterThan(20);
        assertThat(supportiveOnly).isGreaterThan(50);
    }
}
