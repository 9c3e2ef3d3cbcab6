package org.hccguidance.engine;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every way found to run code from a rule file, as a DRL file, a .drl.csv cell and a .drl.xlsx cell:
 * each is refused by the allow-list with its file and line (or row) before anything is compiled or
 * run. Each payload would create a marker file if it ever ran; the marker must never exist.
 */
class RuleAllowListTests {

    static Path marker;

    @BeforeAll
    static void markerPath() throws IOException {
        marker = org.hccguidance.TestFiles.tempDir("allow-list").resolve("ran");
    }

    @AfterAll
    static void nothingRan() {
        assertThat(marker).doesNotExist();
    }

    /** Payloads that are whole consequences (one statement or more), each of which would write the marker. */
    static List<String> consequencePayloads() {
        String m = marker.toString();
        return List.of(
                // an allowed class that writes files
                "new java.util.Formatter(\"" + m + "\").close();",
                // reflection with no forbidden word
                "PatientCase.class.getClassLoader().loadClass(\"java.lang.\" + \"Runtime\").getMethod(\"getRuntime\")"
                        + ".invoke(null);",
                "$p.getClass().getClassLoader().loadClass(\"java.nio.file.\" + \"Files\");",
                // code hidden in a string with unicode escapes that the Java compiler decodes
                "String s = \"\\u0022; new java.io.FileOutputStream(\\u0022" + m + "\\u0022); //\";",
                // reading a host file into guidance shown to anonymous callers
                "insert(new Alert(Severity.INFO, \"X\", new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(\"/etc/hostname\")))));",
                // huge allocation
                "insert(new Alert(Severity.INFO, \"X\", \"x\".repeat(1000000000)));",
                // loops
                "while (true) { }",
                "for (int i = 0; i < 2000000000; i++) { insert(new Threshold(\"X\", i)); }",
                // lambdas and method references
                "Runnable r = () -> insert(new Threshold(\"X\", 1)); r.run();",
                // the engine's own handles
                "drools.getKieRuntime().halt();",
                "kcontext.getKieRuntime().getKieBase();");
    }

    static Stream<Arguments> everyPayloadInEveryFormat() {
        List<Arguments> out = new ArrayList<>();
        for (String payload : consequencePayloads()) {
            for (String format : List.of("drl", "drl.csv", "drl.xlsx")) {
                out.add(Arguments.of(format, payload));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @MethodSource("everyPayloadInEveryFormat")
    void aPayloadIsRefusedWithItsPlaceBeforeAnythingRuns(String format, String payload, @TempDir Path dir) throws IOException {
        String file = "evil." + format;
        switch (format) {
            case "drl" -> Files.writeString(dir.resolve(file), "package rules.evil;\nruleflow-group \"options\"\n"
                    + "import org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n"
                    + "rule \"Evil\"\nwhen\n  $p : PatientCase()\nthen\n  " + payload + "\nend\n");
            case "drl.csv" -> Files.writeString(dir.resolve(file), "RuleSet,rules.evil\n"
                    + "Import,\"org.hccguidance.facts.*, org.hccguidance.guidance.*\"\n,\nRuleTable Evil\n"
                    + "NAME,RULEFLOW-GROUP,CONDITION,ACTION\n,,$p : PatientCase,\n,,ecog == $param,$param\n"
                    + "Row,Phase,ECOG,Action\nEvil,options,1,\"" + payload.replace("\"", "\"\"") + "\"\n");
            default -> writeXlsx(dir.resolve(file), payload);
        }
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e).as("refused: %s", payload).isNotNull();
        assertThat(e.errors()).allSatisfy(err -> assertThat(err.file()).isEqualTo(file));
        if (format.equals("drl")) {
            assertThat(e.errors()).anySatisfy(err -> assertThat(err.line()).isEqualTo(9));
        } else {
            assertThat(e.errors()).anySatisfy(err -> assertThat(err.row()).isEqualTo(9));
        }
        assertThat(marker).doesNotExist();
    }

    /** Structures that run code without being a consequence statement. */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
            // a rule on the same line as an allowed import
            "import org.hccguidance.facts.*; rule \"Same line\" when then new java.io.File(\"/tmp/x\").delete(); end",
            // a function with code
            "function void evil() { new java.io.FileOutputStream(\"/tmp/x\"); }",
            // a recursive function (would never end)
            "function int f(int n) { return n <= 0 ? 0 : f(n - 1) + f(n - 1); }",
            // inline accumulate code
            "rule \"Acc\" when $n : Number() from accumulate(PatientCase(), init(int i = 0;) action(i++;) result(i)) then end",
            // the MVEL dialect
            "rule \"Mvel\" dialect \"mvel\" when then insert(new Threshold(\"X\", 1)); end",
            // dynamic salience and enabled expressions run code
            "rule \"Salience\" salience (System.exit(0)) when then end",
            "rule \"Enabled\" enabled (new java.io.File(\"/tmp/x\").delete()) when then end",
            // globals and declares
            "global java.util.List leak;",
            "declare Evil\n  f : java.io.File\nend",
            // a constraint that reaches reflection through property access
            "rule \"Prop\" when PatientCase(this.class.classLoader != null) then end",
            "rule \"Eval\" when eval(Strength.STANDARD.getDeclaringClass().getClassLoader() != null) then end",
            // a regular expression (catastrophic backtracking)
            "rule \"Regex\" when Alteration(gene matches \"(a+)+$\") then end",
            // a rule that names no phase
            "rule \"No phase\" ruleflow-group \"elsewhere\" when then end"})
    void structuresThatRunCodeAreRefused(String text, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("evil.drl"), "package rules.evil;\nruleflow-group \"options\"\n"
                + "import org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n" + text + "\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e).as("refused: %s", text).isNotNull();
        assertThat(e.errors()).allSatisfy(err -> {
            assertThat(err.file()).isEqualTo("evil.drl");
            assertThat(err.line()).isNotNull().isGreaterThanOrEqualTo(5);
        });
    }

    @Test
    void theShippedRulesPassTheAllowList() {
        for (RuleFile f : RuleSources.fromDirectory(Path.of("rules")).files()) {
            if (f.isDrl()) {
                assertThat(RulePolicy.check(f.text(), (line, msg) -> BuildError.atLine(f.path(), line, msg)))
                        .as(f.path()).isEmpty();
            }
        }
    }

    @Test
    void aPlainInsertOfAVocabularyFactIsAllowed() {
        String drl = "package rules.ok;\nruleflow-group \"options\"\nimport org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n"
                + "rule \"Fine\"\nwhen\n  $t : Tumour($afp : afpNgMl != null, afpNgMl >= 400)\nthen\n"
                + "  insert(new MissingData(\"x\", \"AFP \" + Format.number($afp) + ($afp > 1000 ? \" high\" : \"\")));\nend\n";
        assertThat(RulePolicy.check(drl, (line, msg) -> BuildError.atLine("ok.drl", line, msg))).isEmpty();
    }

    private static void writeXlsx(Path file, String payload) throws IOException {
        String[][] rows = {
                {"RuleSet", "rules.evil"},
                {"Import", "org.hccguidance.facts.*, org.hccguidance.guidance.*"},
                {},
                {"RuleTable Evil"},
                {"NAME", "RULEFLOW-GROUP", "CONDITION", "ACTION"},
                {"", "", "$p : PatientCase", ""},
                {"", "", "ecog == $param", "$param"},
                {"Row", "Phase", "ECOG", "Action"},
                {"Evil", "options", "1", payload}};
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Evil");
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
    }
}
