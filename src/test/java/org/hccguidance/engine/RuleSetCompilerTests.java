package org.hccguidance.engine;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.hccguidance.ShippedRules;
import org.hccguidance.guidance.EvidenceRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RuleSetCompilerTests {

    private static final String HEADER = "package rules.t;\nimport org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n"
            + "ruleflow-group \"options\"\n";
    private static final String GOOD_RULE = HEADER + """
            rule "Patient seen"
            when PatientCase()
            then insert(new Alert(Severity.INFO, "SEEN", "seen"));
            end
            """;

    private final RuleSetCompiler compiler = new RuleSetCompiler();

    @Test
    void shippedRulesLoadFromBothDecisionTableFormats() {
        RuleSet rs = ShippedRules.ruleSet();
        assertThat(rs.version()).matches("sha256:[0-9a-f]{64}");
        assertThat(rs.files()).anyMatch(f -> f.endsWith(".drl.csv")).anyMatch(f -> f.endsWith(".drl"))
                .contains("catalogue/regimens.csv", "evidence/evidence.csv", "trials/trials.csv");
        assertThat(rs.rules()).anyMatch(r -> r.file().equals("molecular/matched-therapy.drl.csv"))
                .noneMatch(r -> r.file().endsWith("regimens.csv") || r.file().equals("?"));
        assertThat(rs.knownRegimens()).contains("ATEZOLIZUMAB_BEVACIZUMAB", "RAMUCIRUMAB")
                .hasSize((int) rs.reference().regimens().stream().map(r -> r.regimen()).distinct().count());
        assertThat(rs.knownTrials()).contains("NCT04770896", "NCT05134532").hasSameSizeAs(rs.reference().trials());
    }

    @Test
    void referenceTablesAreDataThatReachEveryEvaluation() {
        RuleSet rs = ShippedRules.ruleSet();
        // Reference tables are read as data: no rule exists only to insert a row.
        assertThat(rs.rules()).noneMatch(r -> r.file().startsWith("catalogue/") || r.file().startsWith("evidence/"));
        assertThat(rs.reference().sessionFacts()).doesNotHaveAnyElementsOfTypes(EvidenceRow.class)
                .hasSize(rs.reference().regimens().size() + rs.reference().agentClasses().size()
                        + rs.reference().thresholds().size() + rs.reference().trials().size() + rs.reference().trialAgents().size());
        var g = ShippedRules.evaluate("{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}, \"tumour\": {\"afpNgMl\": 50},"
                + " \"priorSystemicTherapies\": [{\"regimen\": \"SORAFENIB\", \"line\": 1, \"outcome\": \"PROGRESSION\"}]}");
        // The ramucirumab cut-off comes from the thresholds table.
        assertThat(g.notRecommended()).anySatisfy(n -> assertThat(n.reason()).contains("below 400"));
    }

    @Test
    void ruleFilesAreReportedUnderTheNameTheInformaticistEdits() {
        // Decision tables reach Drools as the DRL generated from them; reports name the table itself.
        assertThat(RuleSetCompiler.stripRoot("src/main/resources/rules/evidence/evidence.drl.csv.generated.drl"))
                .isEqualTo("evidence/evidence.drl.csv");
        assertThat(RuleSetCompiler.stripRoot("src/main/resources/rules/catalogue/regimens.drl.xlsx.generated.drl"))
                .isEqualTo("catalogue/regimens.drl.xlsx");
        assertThat(RuleSetCompiler.stripRoot("src/main/resources/rules/post_io/notes.generated.drl"))
                .isEqualTo("post_io/notes.generated.drl");
        assertThat(ShippedRules.ruleSet().rules()).extracting(RuleRef::file).noneMatch(f -> f.endsWith(".generated.drl"));
    }

    @Test
    void theEmbeddedCopyInTheJarHasTheSameVersionAsTheFolder() {
        RuleSources embedded = RuleSources.fromClasspath("embedded/rules");
        assertThat(embedded.paths()).isEqualTo(RuleSources.fromDirectory(ShippedRules.RULES).paths());
        assertThat(embedded.version()).isEqualTo(RuleSources.fromDirectory(ShippedRules.RULES).version());
        assertThat(embedded.label()).startsWith("embedded:");
    }

    @Test
    void sameContentGivesSameVersionAndAnEditChangesIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.drl"), GOOD_RULE);
        String v1 = RuleSources.fromDirectory(dir).version();
        assertThat(RuleSources.fromDirectory(dir).version()).isEqualTo(v1);
        Files.writeString(dir.resolve("a.drl"), GOOD_RULE.replace("seen\"", "seen again\""));
        assertThat(RuleSources.fromDirectory(dir).version()).isNotEqualTo(v1);
    }

    @Test
    void drlSyntaxErrorIsRefusedWithFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.drl"), GOOD_RULE);
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/broken.drl"), HEADER + "rule \"Broken\"\nwhen\n  PatientCase(ecog >>> 2)\nthen\nend\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> compiler.compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).isNotEmpty().allSatisfy(err -> assertThat(err.file()).isEqualTo("sub/broken.drl"));
        assertThat(e.errors().get(0).line()).isEqualTo(7);
        assertThat(e.getMessage()).contains("sub/broken.drl:7");
    }

    @Test
    void drlTypeErrorIsRefusedWithItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("typo.drl"), HEADER + "rule \"Typo\"\nwhen\n  PatientCase(ecgo == 2)\nthen\nend\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> compiler.compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.file()).isEqualTo("typo.drl");
            assertThat(err.line()).isEqualTo(7);
            assertThat(err.message()).contains("ecgo");
        });
    }

    @Test
    void csvTableErrorIsReportedAtItsRow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.drl.csv"), """
                RuleSet,rules.t
                Import,org.hccguidance.facts.*
                ,
                RuleTable Thresholds
                NAME,RULEFLOW-GROUP,ACTION
                ,,
                ,,"insert(new Threshold(""X"", $param));"
                Row,Phase,Value
                Good row,options,3
                Bad row,options,not_a_number
                """);
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> compiler.compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).isNotEmpty().allSatisfy(err -> {
            assertThat(err.file()).isEqualTo("t.drl.csv");
            assertThat(err.row()).isEqualTo(10);
            assertThat(err.location()).isEqualTo("t.drl.csv row 10");
        });
    }

    @Test
    void xlsxTableLoadsAndItsErrorsAreReportedAtTheRow(@TempDir Path dir) throws IOException {
        List<String[]> rows = List.of(
                new String[] {"RuleSet", "rules.t"},
                new String[] {"Import", "org.hccguidance.facts.*"},
                new String[] {},
                new String[] {"RuleTable Thresholds"},
                new String[] {"NAME", "RULEFLOW-GROUP", "ACTION"},
                new String[] {},
                new String[] {"", "", "insert(new Threshold(\"X\", $param));"},
                new String[] {"Row", "Phase", "Value"},
                new String[] {"Good row", "options", "3"});
        Files.write(dir.resolve("t.drl.xlsx"), xlsx(rows));
        RuleSet ok = compiler.compile(RuleSources.fromDirectory(dir));
        assertThat(ok.rules()).extracting(RuleRef::name).containsExactly("Good row");
        ok.release();

        List<String[]> broken = new java.util.ArrayList<>(rows);
        broken.add(new String[] {"Bad row", "options", "oops oops"});
        Files.write(dir.resolve("t.drl.xlsx"), xlsx(broken));
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> compiler.compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).anySatisfy(err -> assertThat(err.location()).isEqualTo("t.drl.xlsx row 10"));
    }

    @Test
    void aPlainCsvThatIsNoReferenceTableIsAnErrorNotASilentSkip(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.drl"), GOOD_RULE);
        Files.writeString(dir.resolve("matched.csv"), "RuleSet,rules.t\n");
        assertThatThrownBy(() -> compiler.compile(RuleSources.fromDirectory(dir)))
                .isInstanceOf(RuleSetRefusedException.class).hasMessageContaining("matched.csv")
                .hasMessageContaining("*.drl.csv");
    }

    @Test
    void aMalformedReferenceTableCellIsReportedWithFileRowAndColumn(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.drl"), GOOD_RULE);
        Files.createDirectories(dir.resolve("catalogue"));
        Files.writeString(dir.resolve("catalogue/regimens.csv"), "Regimen,Agent,Drug class\n"
                + "SORAFENIB,SORAFENIB,VEGFR_MKI\nLENVATINIB,LENVATINIB,VEGFR_MKY\n");
        Files.writeString(dir.resolve("catalogue/thresholds.csv"), "Name,Value\nCUT,four hundred\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> compiler.compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).extracting(BuildError::location).containsExactlyInAnyOrder(
                "catalogue/regimens.csv row 3", "catalogue/thresholds.csv row 2");
        assertThat(e.errors()).anySatisfy(err -> assertThat(err.message()).contains("Drug class").contains("VEGFR_MKY"))
                .anySatisfy(err -> assertThat(err.message()).contains("Value").contains("not a number"));
    }

    @Test
    void aReferenceTableMissingAColumnIsRefused(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.drl"), GOOD_RULE);
        Files.writeString(dir.resolve("regimens.csv"), "Regimen,Agent\nSORAFENIB,SORAFENIB\n");
        assertThatThrownBy(() -> compiler.compile(RuleSources.fromDirectory(dir)))
                .isInstanceOf(RuleSetRefusedException.class).hasMessageContaining("regimens.csv row 1")
                .hasMessageContaining("Drug class");
    }

    @Test
    void anEmptyFolderIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> compiler.compile(RuleSources.fromDirectory(dir)))
                .isInstanceOf(RuleSetRefusedException.class).hasMessageContaining("no .drl");
    }

    @Test
    void editorLeftoversAndDocumentationAreIgnored(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ok.drl"), GOOD_RULE);
        Files.writeString(dir.resolve(".ok.drl.swp"), "garbage");
        Files.writeString(dir.resolve("ok.drl~"), "garbage");
        Files.writeString(dir.resolve("README.md"), "# notes");
        RuleSources sources = RuleSources.fromDirectory(dir);
        assertThat(sources.paths()).containsExactly("ok.drl");
        assertThat(sources.ignored()).containsExactly("README.md");
        compiler.compile(sources).release();
    }

    static byte[] xlsx(List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet("Tables");
            for (int r = 0; r < rows.size(); r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).length; c++) {
                    if (!rows.get(r)[c].isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r)[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
