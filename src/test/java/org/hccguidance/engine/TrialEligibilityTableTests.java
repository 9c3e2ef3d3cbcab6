package org.hccguidance.engine;

import org.hccguidance.ShippedRules;
import org.hccguidance.TestFiles;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.guidance.TrialMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Trial eligibility is a decision table: each row decides one trial, and its cells are the criteria. */
class TrialEligibilityTableTests {

    private static final String TABLE = "trials/trial-eligibility.drl.csv";
    /** Progressed on atezolizumab plus bevacizumab, Child-Pugh A5, BCLC C: within every row's liver and stage criteria. */
    private static final String AFTER_ATEZO_BEV = """
            {"ecog": %d, "bclcStage": %s, "liver": {"childPughClass": "A", "childPughScore": 5},
             "tumour": {"afpNgMl": 120, "macrovascularInvasion": true, "extrahepaticSpread": false},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "bestResponse": "PR", "outcome": "PROGRESSION"}]}
            """;

    @Test
    void everyRowIsOneTrialAndItsCriteriaAreStatedAsTheRowReadsThem() {
        RuleSet rs = ShippedRules.ruleSet();
        assertThat(rs.rules()).filteredOn(r -> r.file().equals(TABLE)).extracting(RuleRef::name)
                .hasSize(7).allMatch(name -> name.matches("NCT\\d{8} .*"));
        GuidanceResponse g = ShippedRules.evaluate(AFTER_ATEZO_BEV.formatted(1, "\"C\""));
        assertThat(g.trials()).extracting(TrialMatch::id)
                .containsExactly("NCT04435977", "NCT04826406", "NCT05134532", "NCT05199285", "NCT06196775", "NCT06361758");
        TrialMatch nivoIpi = g.trials().stream().filter(t -> t.id().equals("NCT05199285")).findFirst().orElseThrow();
        assertThat(nivoIpi.criteriaMet()).containsExactly("progressed on atezolizumab plus bevacizumab",
                "Child-Pugh A5 within the trial's Child-Pugh limit", "ECOG 1 (trial allows 0-1)", "BCLC C (trial admits B/C)");
    }

    @Test
    void withTheStageUnknownOnlyTrialsWithoutAStageRequirementMatch() {
        // No stage given, ECOG 0 and no tumour data to estimate one from.
        GuidanceResponse g = ShippedRules.evaluate(AFTER_ATEZO_BEV.formatted(0, "null")
                .replace("\"tumour\": {\"afpNgMl\": 120, \"macrovascularInvasion\": true, \"extrahepaticSpread\": false},", ""));
        assertThat(g.derived().bclcStage()).isNull();
        assertThat(g.trials()).extracting(TrialMatch::id).containsExactly("NCT04435977", "NCT05134532", "NCT06196775");
        assertThat(g.trials()).allSatisfy(t -> assertThat(t.criteriaMet()).contains("no BCLC stage requirement"));
    }

    @Test
    void editingOneRowChangesOneDecision(@TempDir Path dir) {
        Path rules = TestFiles.copyTree(ShippedRules.RULES, dir.resolve("rules"));
        // The regorafenib trial admits ECOG 2 in the edited table; no other row changes.
        TestFiles.replace(rules.resolve(TABLE), "NCT05134532,PROGRESSED_ON_ATEZO_BEV,6,,1,any", "NCT05134532,PROGRESSED_ON_ATEZO_BEV,6,,2,any");
        RuleSet edited = new RuleSetCompiler().compile(RuleSources.fromDirectory(rules));
        try {
            GuidanceResponse shipped = ShippedRules.evaluate(AFTER_ATEZO_BEV.formatted(2, "\"C\""));
            GuidanceResponse g = GuidanceService.evaluate(ShippedRules.patient(AFTER_ATEZO_BEV.formatted(2, "\"C\"")), edited,
                    new GuidanceEngine(EvaluationLimits.DEFAULT), Clock.systemUTC());
            assertThat(shipped.trials()).isEmpty();
            assertThat(g.trials()).extracting(TrialMatch::id).containsExactly("NCT05134532");
            assertThat(g.trials().get(0).criteriaMet()).contains("ECOG 2 (trial allows 0-2)");
        } finally {
            edited.release();
        }
    }

    @Test
    void aBadCellIsReportedAtItsRow(@TempDir Path dir) {
        Path rules = TestFiles.copyTree(ShippedRules.RULES, dir.resolve("rules"));
        TestFiles.replace(rules.resolve(TABLE), "NCT05134532,PROGRESSED_ON_ATEZO_BEV,6,,1,any", "NCT05134532,PROGRESSED_ON_ATEZO_BEV,six,,1,any");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(rules)));
        assertThat(e).isNotNull();
        assertThat(e.errors()).isNotEmpty().allSatisfy(err -> assertThat(err.location()).isEqualTo(TABLE + " row 15"));
    }
}
