package org.hccguidance.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hccguidance.ShippedRules;
import org.hccguidance.TestFiles;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class CliTests {

    static final String PATIENT = """
            {"patientRef": "cli-test", "ecog": 1, "bclcStage": "C",
             "liver": {"childPughClass": "A", "childPughScore": 5},
             "tumour": {"afpNgMl": 520},
             "priorSystemicTherapies": [{"regimen": "ATEZOLIZUMAB_BEVACIZUMAB", "line": 1, "outcome": "PROGRESSION"}],
             "progression": {"progressingLesions": 6, "otherDiseaseControlled": false}}
            """;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path patientFile(Path dir, String json) throws IOException {
        Path p = dir.resolve("patient.json");
        Files.writeString(p, json);
        return p;
    }

    @Test
    void evaluatePrintsReadableGuidance(@TempDir Path dir) throws IOException {
        Result r = run("evaluate", patientFile(dir, PATIENT).toString(), "--rules", "rules");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("Setting: POST_IO_PROGRESSION").contains("1. LENVATINIB (SYSTEMIC, STANDARD)")
                .contains("RAMUCIRUMAB").contains("Not recommended");
    }

    @Test
    void evaluateAsJsonPrintsOnlyTheDocumentInASeparateProcess(@TempDir Path dir) throws Exception {
        Path patient = patientFile(dir, PATIENT);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.hccguidance.GuidanceApplication",
                "evaluate", patient.toString(), "--rules", Path.of("rules").toAbsolutePath().toString(), "--format", "json"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout);
        assertThat(stdout.trim()).startsWith("{").endsWith("}");
        assertThat(json.get("setting").asText()).isEqualTo("POST_IO_PROGRESSION");
        assertThat(json.get("patientRef").asText()).isEqualTo("cli-test");
        assertThat(json.at("/audit/rulesetVersion").asText()).startsWith("sha256:");
    }

    @Test
    void aBadPatientFileExitsNonZeroNamingTheFileAndLine(@TempDir Path dir) throws IOException {
        Result r = run("evaluate", patientFile(dir, "{\n  \"ecog\": 1,\n  \"liver\": {\"ascites\": \"LOTS\"}\n}").toString(), "--rules", "rules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("patient.json:3").contains("LOTS");
        assertThat(r.out()).isEmpty();

        Result range = run("evaluate", patientFile(dir, "{\"ecog\": 7, \"liver\": {}}").toString(), "--rules", "rules");
        assertThat(range.code()).isEqualTo(2);
        assertThat(range.err()).contains("ecog");
    }

    @Test
    void brokenRulesExitNonZeroWithFileAndLine(@TempDir Path dir) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        TestFiles.replace(rules.resolve("post_io/ramucirumab.drl"), "Tumour($afp : afpNgMl != null, afpNgMl >= $cut)",
                "Tumour($afp : afpNgMl != null, afpNgMl >= $cutt)");
        Result r = run("evaluate", patientFile(dir, PATIENT).toString(), "--rules", rules.toString());
        assertThat(r.code()).isEqualTo(3);
        assertThat(r.err()).contains("post_io/ramucirumab.drl:").contains("refused");
    }

    @Test
    void editingARuleFileChangesTheOutputWithNoRebuild(@TempDir Path dir) throws IOException {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path patient = patientFile(dir, PATIENT);
        assertThat(run("evaluate", patient.toString(), "--rules", rules.toString()).out()).doesNotContain("Lenvatinib (committee edit)");
        TestFiles.replace(rules.resolve("post_io/systemic-options.drl"), "Strength.STANDARD, \"AFTER_IO_LENVATINIB\", \"Lenvatinib\"",
                "Strength.STANDARD, \"AFTER_IO_LENVATINIB\", \"Lenvatinib (committee edit)\"");
        assertThat(run("evaluate", patient.toString(), "--rules", rules.toString()).out()).contains("Lenvatinib (committee edit)");
    }

    @Test
    void validateRunsTheSuiteWritesReportsAndPrintsTheTotal(@TempDir Path dir) throws IOException {
        Path html = dir.resolve("report.html");
        Path xml = dir.resolve("junit.xml");
        Result r = run("validate", "--rules", "rules", "--scenarios", "scenarios", "--report", html.toString(),
                "--junit", xml.toString(), "--min-coverage", "100");
        int count = ScenarioLoader.fromDirectory(ShippedRules.SCENARIOS).size();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("PASS post-io/bleeding-ctla4").contains("Rule coverage: 100.0%")
                .endsWith(count + " passed, 0 failed" + System.lineSeparator());
        assertThat(Files.readString(html)).contains("<h1>Scenario report</h1>").contains("post-io/bleeding-ctla4")
                .contains("Recent variceal bleeding");
        assertThat(Files.readString(xml)).contains("tests=\"" + count + "\"").contains("failures=\"0\"");
    }

    @Test
    void aDeliberatelyBrokenRuleMakesValidateFailNamingTheScenarioAndTheDifference(@TempDir Path dir) {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        TestFiles.replace(rules.resolve("post_io/ramucirumab.drl"), "Tumour($afp : afpNgMl != null, afpNgMl >= $cut)",
                "Tumour($afp : afpNgMl != null, afpNgMl > $cut)");
        Result r = run("validate", "--rules", rules.toString(), "--scenarios", "scenarios");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL post-io/afp-400-ramucirumab: expected RAMUCIRUMAB recommended; got [")
                .containsPattern("\\d+ passed, [1-9]\\d* failed");
    }

    @Test
    void validateChecksGeneratedPatientsAndNamesTheOneThatBreaksASafetyInvariant(@TempDir Path dir) throws IOException {
        Result clean = run("validate", "--rules", "rules", "--scenarios", "scenarios", "--generated", "300");
        assertThat(clean.code()).isZero();
        assertThat(clean.out()).contains("Generated patients: 300 evaluated in").contains("0 broke a safety invariant");

        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Files.createDirectories(rules.resolve("planted"));
        Files.writeString(rules.resolve("planted/planted.drl"), org.hccguidance.safety.SafetyNetTests.PLANTED_TRIAL);
        Result planted = run("validate", "--rules", rules.toString(), "--scenarios", "scenarios", "--generated", "300");
        assertThat(planted.code()).isEqualTo(1);
        assertThat(planted.out()).contains("generated patient #").contains("safety check I")
                .contains("Planted: offer the apatinib trial whatever the risks").contains("\"patientRef\":null");
    }

    @Test
    void validateFailsBelowTheCoverageMinimum(@TempDir Path dir) {
        Path scenarios = dir.resolve("scenarios");
        TestFiles.copyTree(Path.of("scenarios/molecular"), scenarios);
        Result r = run("validate", "--rules", "rules", "--scenarios", scenarios.toString(), "--min-coverage", "90");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("not fired: post_io/oligoprogression.drl").contains("below the minimum 90.0%");
    }

    @Test
    void malformedScenarioFilesStopValidateWithFileAndLine(@TempDir Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Files.writeString(scenarios.resolve("bad.yaml"), "id: bad\ntitle: t\nsource: s\npatient:\n  ecog: 1\n  liver: {}\nexpect:\n  recomended: [X]\n");
        Result r = run("validate", "--rules", "rules", "--scenarios", scenarios.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml:8").contains("recomended");
    }

    @Test
    void recordWritesAScenarioThatPassesWhenRun(@TempDir Path dir) throws IOException {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios"));
        Result rec = run("scenario", "record", patientFile(dir, PATIENT).toString(), "--id", "recorded/case-1",
                "--rules", "rules", "--scenarios", scenarios.toString());
        assertThat(rec.code()).isZero();
        Path file = scenarios.resolve("recorded/case-1.yaml");
        assertThat(Files.readString(file)).contains("id: recorded/case-1").contains("LENVATINIB").doesNotContain("cli-test");
        Result again = run("scenario", "record", patientFile(dir, PATIENT).toString(), "--id", "recorded/case-1",
                "--rules", "rules", "--scenarios", scenarios.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
        Result validate = run("validate", "--rules", "rules", "--scenarios", scenarios.toString());
        assertThat(validate.out()).contains("PASS recorded/case-1").contains("1 passed, 0 failed");
        assertThat(validate.code()).isZero();
    }

    @Test
    void unknownCommandsAndOptionsAreExplained() {
        Result r = run("evaluate", "x.json", "--ruls", "rules");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("unknown option '--ruls'").contains("did you mean '--rules'?")
                .contains("Usage: hcc-guidance evaluate");
    }

    @Test
    void impactComparesTwoRuleFoldersAndWritesBothReports(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path copy = org.hccguidance.TestFiles.copyTree(Path.of("rules"), dir.resolve("rules-afp300"));
        org.hccguidance.TestFiles.replace(copy.resolve("catalogue/thresholds.csv"), "RAMUCIRUMAB_MIN_AFP_NG_ML,400,",
                "RAMUCIRUMAB_MIN_AFP_NG_ML,300,");
        Result r = run("impact", "--from", "rules", "--to", copy.toString(), "--scenarios", "scenarios",
                "--report", dir.resolve("impact.html").toString(), "--json", dir.resolve("impact.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("[1-9][0-9]* of [0-9]+ patients' guidance changed")
                .contains("RAMUCIRUMAB: now recommended for");
        assertThat(Files.readString(dir.resolve("impact.html"))).contains("post-io/afp-399-no-ramucirumab");
        assertThat(Files.readString(dir.resolve("impact.json"))).contains("\"patientsChanged\"");

        Result missing = run("impact", "--from", "rules", "--to", dir.resolve("nowhere").toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("--to").contains("neither a rule folder nor a sha256: version");
    }
}
