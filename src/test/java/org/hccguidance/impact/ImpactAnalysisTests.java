package org.hccguidance.impact;

import org.hccguidance.TestFiles;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.guidance.GuidanceResponse;
import org.hccguidance.guidance.GuidanceService;
import org.hccguidance.safety.GeneratedPatientCheck;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The impact analysis against an independent re-evaluation of the same patients. */
class ImpactAnalysisTests {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final GuidanceEngine ENGINE = new GuidanceEngine(EvaluationLimits.DEFAULT);
    static RuleSet shipped;
    static RuleSet afp300;
    static List<CohortPatient> cohort;

    @BeforeAll
    static void ruleSets() {
        RuleSetCompiler compiler = new RuleSetCompiler(CLOCK);
        shipped = compiler.compile(RuleSources.fromDirectory(Path.of("rules")));
        Path copy = TestFiles.copyTree(Path.of("rules"), TestFiles.tempDir("impact-afp300").resolve("rules"));
        TestFiles.replace(copy.resolve("catalogue/thresholds.csv"), "RAMUCIRUMAB_MIN_AFP_NG_ML,400,", "RAMUCIRUMAB_MIN_AFP_NG_ML,300,");
        afp300 = compiler.compile(RuleSources.fromDirectory(copy));
        cohort = new ArrayList<>(Cohorts.of(ScenarioLoader.fromDirectory(Path.of("scenarios"))));
        cohort.addAll(Cohorts.generated(shipped, GeneratedPatientCheck.DEFAULT_SEED, 1500));
    }

    @AfterAll
    static void release() {
        shipped.release();
        afp300.release();
    }

    @Test
    void aLowerRamucirumabThresholdChangesTheRamucirumabRecommendationOfExactlyThePatientsBetweenTheTwoCutOffs() {
        ImpactReport report = new ImpactAnalysis(ENGINE, CLOCK).compare(shipped, "shipped", afp300, "afp300", cohort);

        Set<String> oracle = new TreeSet<>();
        for (CohortPatient p : cohort) {
            GuidanceResponse before = GuidanceService.evaluate(p.patient(), shipped, ENGINE, CLOCK);
            GuidanceResponse after = GuidanceService.evaluate(p.patient(), afp300, ENGINE, CLOCK);
            if (before.recommends("RAMUCIRUMAB") != after.recommends("RAMUCIRUMAB")) {
                oracle.add(p.id());
                Double afp = p.patient().tumour() == null ? null : p.patient().tumour().afpNgMl();
                assertThat(afp).as(p.id()).isNotNull().isGreaterThanOrEqualTo(300.0).isLessThan(400.0);
            }
        }
        Set<String> reported = new TreeSet<>();
        for (PatientImpact p : report.patients()) {
            if (p.changes().stream().anyMatch(c -> "RAMUCIRUMAB".equals(c.subject())
                    && (c.kind() == ChangeKind.RECOMMENDATION_ADDED || c.kind() == ChangeKind.RECOMMENDATION_REMOVED))) {
                reported.add(p.patient());
            }
        }
        assertThat(oracle).contains("post-io/afp-399-no-ramucirumab").hasSizeGreaterThan(5);
        assertThat(reported).isEqualTo(oracle);
        // Lowering a cut-off only adds ramucirumab: nobody loses it.
        assertThat(report.patients()).allSatisfy(p -> assertThat(p.changes())
                .noneMatch(c -> c.kind() == ChangeKind.RECOMMENDATION_REMOVED && "RAMUCIRUMAB".equals(c.subject())));
        assertThat(report.summary()).anySatisfy(s -> {
            assertThat(s.change()).isEqualTo("RAMUCIRUMAB: now recommended");
            assertThat(s.patientCount()).isEqualTo(oracle.size());
        });
        assertThat(report.patientsCompared()).isEqualTo(cohort.size());
        assertThat(report.cohort()).containsEntry(CohortPatient.Source.GENERATED, 1500);
    }

    @Test
    void theSameRulesChangeNothingAndTheCountAgrees() {
        ImpactAnalysis analysis = new ImpactAnalysis(ENGINE, CLOCK);
        ImpactReport same = analysis.compare(shipped, "a", shipped, "b", cohort);
        assertThat(same.patientsChanged()).isZero();
        assertThat(same.patients()).isEmpty();
        assertThat(analysis.countChanged(shipped, afp300, cohort))
                .isEqualTo(analysis.compare(shipped, "a", afp300, "b", cohort).patientsChanged());
    }

    @Test
    void aPatientFolderWithOneBadFileIsRefusedNamingTheFile() throws IOException {
        Path dir = TestFiles.tempDir("impact-patients");
        Files.writeString(dir.resolve("a-good.json"), "{\"ecog\": 1, \"bclcStage\": \"C\", \"liver\": {\"childPughScore\": 5}}");
        assertThat(Cohorts.fromFolder(dir)).extracting(CohortPatient::id).containsExactly("a-good.json");
        Files.writeString(dir.resolve("b-bad.json"), "{\"ecog\": 9, \"liver\": {\"childPughScore\": 5}}");
        assertThatThrownBy(() -> Cohorts.fromFolder(dir)).isInstanceOf(CohortException.class)
                .hasMessageContaining("b-bad.json").hasMessageContaining("ecog");
        assertThatThrownBy(() -> Cohorts.generated(shipped, 1, Cohorts.MAX_GENERATED + 1))
                .isInstanceOf(CohortException.class).hasMessageContaining("20000");
    }

    @Test
    void theHtmlReportIsSelfContainedAndListsEachChangedPatient() {
        ImpactReport report = new ImpactAnalysis(ENGINE, CLOCK).compare(shipped, "shipped", afp300, "afp300",
                cohort.subList(0, 200));
        String html = ImpactHtml.render(report);
        assertThat(html).contains("<style>").doesNotContain("<script", "<link", "http://", "https://");
        assertThat(report.patientsChanged()).isPositive();
        report.patients().forEach(p -> assertThat(html).contains("data-patient=\"" + p.patient() + "\""));
        assertThat(html).contains(">" + report.patientsChanged() + "</strong> patients");
    }
}
