package org.hccguidance.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class RulePolicyTests {

    private static final String HEADER = "package rules.t;\nimport org.hccguidance.facts.*;\nruleflow-group \"options\"\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(1);",
            "new java.io.File(\"/etc/passwd\").delete();",
            "Runtime.getRuntime().exec(\"id\");",
            "new ProcessBuilder(\"id\").start();",
            "Class.forName(\"java.lang.Runtime\");",
            "java.lang.Runtime.getRuntime();",
            "Thread t = new Thread();",
            "java.nio.file.Files.delete(null);",
            "new java.net.Socket(\"localhost\", 80);",
            "Object o = $p.getClass().getClassLoader();",
            "org.springframework.util.FileSystemUtils.deleteRecursively((java.io.File) null);"})
    void forbiddenCallsInAConsequenceAreRefusedWithTheirLine(String statement, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("evil.drl"), HEADER + "rule \"Evil\"\nwhen\n  $p : PatientCase()\nthen\n  " + statement + "\nend\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.file()).isEqualTo("evil.drl");
            assertThat(err.line()).isEqualTo(8);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"java.io.File", "java.lang.reflect.Method", "org.springframework.context.ApplicationContext", "java.lang.System"})
    void importsOutsideTheAllowListAreRefused(String type, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("imp.drl"), HEADER + "import " + type + ";\nrule \"R\"\nwhen\nthen\nend\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.location()).isEqualTo("imp.drl:4");
            assertThat(err.message()).contains("import not allowed").contains(type);
        });
    }

    @Test
    void forbiddenCallsInADecisionTableCellAreRefusedAtTheirRow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("t.drl.csv"), """
                RuleSet,rules.t
                Import,org.hccguidance.facts.*
                ,
                RuleTable Thresholds
                NAME,RULEFLOW-GROUP,ACTION
                ,,
                ,,"insert(new Threshold(""X"", $param));"
                Row,Phase,Value
                Fine,options,1
                Evil,options,System.exit(0)
                """);
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e.errors()).isNotEmpty().allSatisfy(err -> assertThat(err.location()).isEqualTo("t.drl.csv row 10"))
                .anySatisfy(err -> assertThat(err.message()).contains("System"));
    }

    @Test
    void codeCannotHideBehindAQuoteInsideACharacterLiteral() {
        String drl = HEADER + "rule \"R\"\nwhen\nthen\n  char q = '\"'; System.exit(0); String s = \"\";\nend\n";
        assertThat(RulePolicy.check(drl, (line, msg) -> BuildError.atLine("x.drl", line, msg)))
                .anySatisfy(e -> assertThat(e.message()).contains("System"));
    }

    @Test
    void anUnterminatedLiteralIsRefused() {
        String drl = HEADER + "rule \"R\"\nwhen\nthen\n  String s = \"open;\n  System.exit(0);\nend\n";
        assertThat(RulePolicy.check(drl, (line, msg) -> BuildError.atLine("x.drl", line, msg)))
                .singleElement().satisfies(e -> assertThat(e.location()).isEqualTo("x.drl:7"));
    }

    @Test
    void wordsInsideStringsAndCommentsAreNotCode() {
        String drl = HEADER + "// System.exit is mentioned here\nrule \"R\"\nwhen\nthen\n  insert(new Threshold(\"System File Thread\", 1));\nend\n";
        assertThat(RulePolicy.check(drl, (line, msg) -> BuildError.atLine("x.drl", line, msg))).isEmpty();
    }

    private static final String RANKS = "Rank,Position,Meaning\nFIRST_LINE_LENVATINIB,20,first line\n";
    private static final String OPTION_HEADER = "package rules.t;\nimport org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n"
            + "ruleflow-group \"options\"\nrule \"Offer\"\nwhen\n  PatientCase()\nthen\n  ";

    @Test
    void anOptionNamingARankOfTheRankTableIsAccepted(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ranks.csv"), RANKS);
        Files.writeString(dir.resolve("offer.drl"), OPTION_HEADER
                + "insert(new Option(\"LENVATINIB\", Category.SYSTEMIC, Strength.STANDARD, \"FIRST_LINE_LENVATINIB\", \"Lenvatinib\", \"why\"));\nend\n");
        RuleSet rs = new RuleSetCompiler().compile(RuleSources.fromDirectory(dir));
        try {
            assertThat(rs.reference().position("FIRST_LINE_LENVATINIB")).isEqualTo(20);
        } finally {
            rs.release();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a bare number says nothing a reader can check
            "insert(new Option(\"LENVATINIB\", Category.SYSTEMIC, Strength.STANDARD, 20, \"Lenvatinib\", \"why\"));",
            // a computed rank cannot be checked against the table before the rules run
            "insert(new Option(\"LENVATINIB\", Category.SYSTEMIC, Strength.STANDARD, \"FIRST_LINE_\" + \"LENVATINIB\", \"Lenvatinib\", \"why\"));",
            "insert(new Option(\"LENVATINIB\", Category.SYSTEMIC, Strength.STANDARD, \"Lenvatinib\", \"why\"));"})
    void anOptionWhoseRankIsNotANamedLiteralIsRefusedAtItsLine(String statement, @TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ranks.csv"), RANKS);
        Files.writeString(dir.resolve("offer.drl"), OPTION_HEADER + statement + "\nend\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e).isNotNull();
        assertThat(e.errors()).anySatisfy(err -> {
            assertThat(err.location()).isEqualTo("offer.drl:9");
            assertThat(err.message()).contains("Option");
        });
    }

    @Test
    void anOptionNamingARankTheTableLacksIsRefusedAtItsLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ranks.csv"), RANKS);
        Files.writeString(dir.resolve("offer.drl"), OPTION_HEADER
                + "insert(new Option(\"LENVATINIB\", Category.SYSTEMIC, Strength.STANDARD, \"FIRST_LINE_LENVATINB\", \"Lenvatinib\", \"why\"));\nend\n");
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.location()).isEqualTo("offer.drl:9");
            assertThat(err.message()).contains("FIRST_LINE_LENVATINB").contains("catalogue/ranks.csv");
        });
    }

    @Test
    void aDecisionTableRowNamingAnUnknownRankIsRefusedAtItsRow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("ranks.csv"), RANKS);
        Files.writeString(dir.resolve("t.drl.csv"), """
                RuleSet,rules.t
                Import,"org.hccguidance.facts.*, org.hccguidance.guidance.*"
                ,
                RuleTable Offers
                NAME,RULEFLOW-GROUP,CONDITION,ACTION
                ,,PatientCase,
                ,,ecog <= $param,"insert(new Option(""LENVATINIB"", Category.SYSTEMIC, Strength.STANDARD, ""$param"", ""Lenvatinib"", ""why""));"
                Row,Phase,ECOG at most,Rank
                Known,options,1,FIRST_LINE_LENVATINIB
                Unknown,options,1,FIRST_LINE_SORAFENIB
                """);
        RuleSetRefusedException e = catchThrowableOfType(RuleSetRefusedException.class,
                () -> new RuleSetCompiler().compile(RuleSources.fromDirectory(dir)));
        assertThat(e).isNotNull();
        assertThat(e.errors()).singleElement().satisfies(err -> {
            assertThat(err.location()).isEqualTo("t.drl.csv row 10");
            assertThat(err.message()).contains("FIRST_LINE_SORAFENIB");
        });
    }
}
