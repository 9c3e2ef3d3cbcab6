package org.hccguidance.ruleset;

import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleFile;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSources;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The activation log survives a torn write: readers skip a damaged line, writers never continue it. */
@ExtendWith(OutputCaptureExtension.class)
class RuleSetArchiveTests {

    private static final String RULE = "package rules.t;\nimport org.hccguidance.facts.*;\nruleflow-group \"options\"\n"
            + "rule \"Any patient\"\nwhen PatientCase()\nthen\nend\n";
    private static final String TORN = "{\"version\":\"sha256:ab";

    static RuleSet ruleSet;

    @BeforeAll
    static void compile() {
        ruleSet = new RuleSetCompiler(Clock.systemUTC())
                .compile(new RuleSources("folder:/test", List.of(new RuleFile("a.drl", RULE.getBytes(StandardCharsets.UTF_8))), List.of()));
    }

    @AfterAll
    static void release() {
        ruleSet.release();
    }

    private static String record(String version, String by) {
        return "{\"version\":\"" + version + "\",\"activatedAt\":\"2025-01-01T00:00:00Z\",\"activatedBy\":\"" + by
                + "\",\"source\":\"folder:/x\",\"files\":[\"a.drl\"],\"ruleCount\":1}";
    }

    private static Activation activation(String by) {
        return new Activation(ruleSet.version(), Instant.parse("2025-06-01T00:00:00Z"), by, ruleSet.source(), ruleSet.files(),
                ruleSet.ruleCount(), null);
    }

    private static final String V1 = "sha256:" + "1".repeat(64);
    private static final String V2 = "sha256:" + "2".repeat(64);

    @Test
    void aTornLastLineIsSkippedAndReportedByLineNumberOnly(@TempDir Path data, CapturedOutput output) throws IOException {
        Files.writeString(data.resolve("activations.jsonl"), record(V1, "startup") + "\n" + record(V2, "api:admin") + "\n" + TORN);
        RuleSetArchive archive = new RuleSetArchive(data);
        assertThat(archive.history()).extracting(Activation::version).containsExactly(V1, V2);
        assertThat(archive.lastActivation()).map(Activation::version).contains(V2);
        assertThat(output.getAll()).contains("line 3 is not a valid activation record").doesNotContain("sha256:ab");
        // Reported once, not on every read.
        int reports = output.getAll().split("is not a valid activation record", -1).length - 1;
        archive.history();
        assertThat(output.getAll().split("is not a valid activation record", -1).length - 1).isEqualTo(reports);
    }

    @Test
    void anActivationAfterATornLineStartsOnItsOwnLineAndIsRead(@TempDir Path data) throws IOException {
        Path log = data.resolve("activations.jsonl");
        Files.writeString(log, record(V1, "startup") + "\n" + TORN);
        RuleSetArchive archive = new RuleSetArchive(data);
        archive.record(ruleSet, activation("api:admin"));
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).isEqualTo(TORN);
        assertThat(lines.get(2)).startsWith("{\"version\":\"" + ruleSet.version() + "\"");
        assertThat(archive.history()).extracting(Activation::version).containsExactly(V1, ruleSet.version());
        assertThat(archive.lastActivation()).map(Activation::activatedBy).contains("api:admin");
        assertThat(archive.sources(ruleSet.version())).isPresent();

        // A log that ends cleanly gets no blank line.
        archive.record(ruleSet, activation("file-watch"));
        assertThat(Files.readAllLines(log)).hasSize(4).noneMatch(String::isEmpty);
        assertThat(Files.readString(log)).endsWith("\n");
    }

    @Test
    void anyDamagedLineIsSkippedWherever(@TempDir Path data) throws IOException {
        byte[] tornCharacter = "{\"activatedBy\":\"Ren\u00e9".getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(data.resolve("activations.jsonl"))) {
            out.write((record(V1, "startup") + "\n").getBytes(StandardCharsets.UTF_8));
            out.write(java.util.Arrays.copyOf(tornCharacter, tornCharacter.length - 1));   // half a UTF-8 character
            out.write(("\n[1, 2]\n{}\nnull\n\"text\"\n{\"version\": 7}\n" + record(V2, "x") + "{\"trailing\":1}\n\n"
                    + record(V2, "api:admin") + "\n").getBytes(StandardCharsets.UTF_8));
        }
        RuleSetArchive archive = new RuleSetArchive(data);
        assertThat(archive.history()).extracting(Activation::activatedBy).containsExactly("startup", "api:admin");
    }

    @Test
    void aRestartWithATornLogServesTheLastGoodVersion(@TempDir Path dir) throws IOException {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE);
        RuleSetRegistry first = registry(rules, dir.resolve("data"));
        first.start();
        String good = first.active().orElseThrow().version();
        first.shutdown();

        Files.writeString(dir.resolve("data/activations.jsonl"), TORN, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(rules.resolve("a.drl"), "this is not DRL");
        RuleSetRegistry restarted = registry(rules, dir.resolve("data"));
        restarted.start();
        assertThat(restarted.active().orElseThrow().version()).isEqualTo(good);
        assertThat(restarted.history()).extracting(Activation::version).containsExactly(good);
        restarted.shutdown();
    }

    private static RuleSetRegistry registry(Path rules, Path data) {
        RuleSetCompiler compiler = new RuleSetCompiler(Clock.systemUTC());
        return new RuleSetRegistry(() -> RuleSources.fromDirectory(rules), compiler, new RuleSetArchive(data), null, false,
                EvaluationLimits.DEFAULT, null, Clock.systemUTC());
    }
}
