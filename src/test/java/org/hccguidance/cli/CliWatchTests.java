package org.hccguidance.cli;

import org.hccguidance.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code validate --watch} in a JVM of its own, as a rule author runs it beside an editor: it reports a
 * scenario that a save breaks, then the same scenario passing again when the edit is undone, a refused
 * rule file with its line, and quits on q with the last run's exit code.
 */
class CliWatchTests {

    private static final String AT_CUT_OFF = "Tumour($afp : afpNgMl != null, afpNgMl >= $cut)";
    private static final String ABOVE_CUT_OFF = "Tumour($afp : afpNgMl != null, afpNgMl > $cut)";

    @Test
    void theWatchLoopReportsWhatEachSaveChanged(@TempDir Path dir) throws Exception {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        Path scenarios = TestFiles.copyTree(Path.of("scenarios"), dir.resolve("scenarios"));
        Path ramucirumab = rules.resolve("post_io/ramucirumab.drl");
        try (CliProcess p = CliProcess.start(dir, Map.of(), "validate", "--watch", "--rules", rules.toString(),
                "--scenarios", scenarios.toString())) {
            String first = p.awaitLine("first run: rebuilt in", Duration.ofSeconds(180));
            assertThat(first).contains("scenarios run in");
            assertThat(p.awaitLine(" passed, ", Duration.ofSeconds(30))).contains(" 0 failed");
            p.awaitLine("watching ", Duration.ofSeconds(30));

            // A save that breaks a scenario: only the change is reported, with the scenario's failure.
            TestFiles.replace(ramucirumab, AT_CUT_OFF, ABOVE_CUT_OFF);
            String rebuilt = p.awaitLine("post_io/ramucirumab.drl changed: rebuilt in", Duration.ofSeconds(60));
            assertThat(rebuilt).contains("scenarios run in");
            String failing = p.awaitLine("newly failing:", Duration.ofSeconds(30));
            assertThat(failing).contains("newly failing: post-io/afp-400-ramucirumab: expected RAMUCIRUMAB recommended");
            assertThat(p.awaitLine(" passed, ", Duration.ofSeconds(30))).containsPattern("= \\d+ passed, [1-9]\\d* failed");

            // Undoing it: the scenario is reported passing again.
            TestFiles.replace(ramucirumab, ABOVE_CUT_OFF, AT_CUT_OFF);
            assertThat(p.awaitLine("newly passing:", Duration.ofSeconds(60))).contains("post-io/afp-400-ramucirumab");
            assertThat(p.awaitLine(" passed, ", Duration.ofSeconds(30))).contains(" 0 failed");

            // A refused rule file is reported with its line, and the loop keeps watching.
            TestFiles.replace(ramucirumab, AT_CUT_OFF, "Tumour($afp : afpNgMl != null, afpNgMl >= $cutt)");
            p.awaitLine("rules refused", Duration.ofSeconds(60));
            assertThat(p.awaitLine("post_io/ramucirumab.drl:", Duration.ofSeconds(10))).contains("ramucirumab.drl:");
            TestFiles.replace(ramucirumab, "afpNgMl >= $cutt)", "afpNgMl >= $cut)");
            p.awaitLine("rules accepted again", Duration.ofSeconds(60));
            assertThat(p.awaitLine(" passed, ", Duration.ofSeconds(30))).contains(" 0 failed");

            // A new scenario file is picked up without touching the rules.
            Files.writeString(scenarios.resolve("watch-new.yaml"), Files.readString(scenarios.resolve("post-io/afp-400-ramucirumab.yaml"))
                    .replace("id: post-io/afp-400-ramucirumab", "id: watch/new-case"));
            String added = p.awaitLine("watch-new.yaml (new) changed", Duration.ofSeconds(60));
            assertThat(added).contains("rules unchanged (compiled set reused)");
            assertThat(p.awaitLine("new scenario, passes:", Duration.ofSeconds(30))).contains("watch/new-case");

            p.type("q\n");
            assertThat(p.waitFor(Duration.ofSeconds(30))).isZero();
            assertThat(p.out()).doesNotContain("PASS ");   // only changes are printed, never the whole list
        }
    }
}
