package org.hccguidance.ruleset;

import org.hccguidance.KubeletVolume;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rules delivered the way a Kubernetes ConfigMap volume or a release link delivers them: read through the
 * links without the volume's bookkeeping, and reloaded when the volume or the link is swapped.
 */
class ConfigMapDeliveryTests {

    private static final String RULE = "package rules.t;\nimport org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n"
            + "ruleflow-group \"options\"\nrule \"Greeting\"\nwhen PatientCase()\nthen insert(new Alert(Severity.INFO, \"HELLO\", \"%s\"));\nend\n";
    private static final Duration NO_POLL = Duration.ZERO;
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private static Path release(Path dir, String greeting) throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("a.drl"), RULE.formatted(greeting));
        Files.writeString(dir.resolve("sub/b.drl"), RULE.formatted(greeting).replace("rules.t", "rules.t.sub")
                .replace("Greeting", "Sub greeting"));
        return dir;
    }

    private static RuleSetRegistry registry(Path rules, Path data) {
        return new RuleSetRegistry(() -> RuleSources.fromDirectory(rules), new RuleSetCompiler(Clock.systemUTC()),
                new RuleSetArchive(data), null, false, EvaluationLimits.DEFAULT, null, Clock.systemUTC());
    }

    @Test
    void aConfigMapVolumeReadsLikeTheFolderItWasMadeFrom(@TempDir Path dir) {
        KubeletVolume rules = new KubeletVolume(dir.resolve("rules"));
        rules.publish(Path.of("rules"));
        KubeletVolume scenarios = new KubeletVolume(dir.resolve("scenarios"));
        scenarios.publish(Path.of("scenarios"));
        assertThat(rules.entries()).contains("..data", "post_io").anyMatch(e -> e.startsWith("..20"));

        RuleSources fromVolume = RuleSources.fromDirectory(rules.mount());
        RuleSources fromFolder = RuleSources.fromDirectory(Path.of("rules"));
        assertThat(fromVolume.paths()).isEqualTo(fromFolder.paths()).noneMatch(p -> p.contains(".."))
                .contains("post_io/ramucirumab.drl");
        assertThat(fromVolume.version()).isEqualTo(fromFolder.version());
        assertThat(ScenarioLoader.fromDirectory(scenarios.mount()))
                .hasSameSizeAs(ScenarioLoader.fromDirectory(Path.of("scenarios")));
    }

    @Test
    void anAtomicDataLinkSwapIsReloadedWithTheNewContent(@TempDir Path dir) throws Exception {
        KubeletVolume volume = new KubeletVolume(dir.resolve("rules"));
        volume.publish(release(dir.resolve("v1"), "v1"));
        RuleSetRegistry registry = registry(volume.mount(), dir.resolve("data"));
        registry.start();
        String v1 = registry.active().orElseThrow().version();
        String v2 = RuleSources.fromDirectory(release(dir.resolve("v2"), "v2")).version();
        assertThat(v2).isNotEqualTo(v1);

        // Events only: the poll is off, so the swap of ..data itself must be seen.
        try (RuleFolderWatcher watcher = new RuleFolderWatcher(volume.mount(), Duration.ofMillis(50), NO_POLL,
                () -> registry.reload("file-watch"))) {
            volume.publish(dir.resolve("v2"));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> registry.active().map(RuleSet::version).orElse(""), v2::equals);
            assertThat(registry.active().orElseThrow().files()).containsExactly("a.drl", "sub/b.drl");

            // A second swap, through the watches renewed after the first.
            volume.publish(dir.resolve("v1"));
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> registry.active().map(RuleSet::version).orElse(""), v1::equals);
        } finally {
            registry.shutdown();
        }
        assertThat(registry.history()).extracting(Activation::activatedBy).containsExactly("startup", "file-watch", "file-watch");
    }

    @Test
    void aSwappedReleaseLinkIsReloadedWithTheNewContent(@TempDir Path dir) throws Exception {
        Path v1 = release(dir.resolve("releases/v1"), "v1");
        Path v2 = release(dir.resolve("releases/v2"), "v2");
        Path current = dir.resolve("current");
        Files.createSymbolicLink(current, v1);
        RuleSetRegistry registry = registry(current, dir.resolve("data"));
        registry.start();
        String expected = RuleSources.fromDirectory(v2).version();

        try (RuleFolderWatcher watcher = new RuleFolderWatcher(current, Duration.ofMillis(50), NO_POLL,
                () -> registry.reload("file-watch"))) {
            Path tmp = dir.resolve("current.tmp");
            Files.createSymbolicLink(tmp, v2);
            Files.move(tmp, current, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> registry.active().map(RuleSet::version).orElse(""), expected::equals);
        } finally {
            registry.shutdown();
        }
    }

    /**
     * A rule folder whose one file is a link to a file in a folder nobody watches: editing it there sends
     * no event to the rule folder, as on file systems whose events never arrive.
     */
    private static Path ruleLinkedFromAnUnwatchedFolder(Path dir) throws Exception {
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("a.drl"), RULE.formatted("v1"));
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.createSymbolicLink(rules.resolve("a.drl"), elsewhere.resolve("a.drl"));
        return rules;
    }

    @Test
    void thePollFindsAChangeNoWatchedFolderReports(@TempDir Path dir) throws Exception {
        Path rules = ruleLinkedFromAnUnwatchedFolder(dir);
        RuleSetRegistry registry = registry(rules, dir.resolve("data"));
        registry.start();

        try (RuleFolderWatcher watcher = new RuleFolderWatcher(rules, Duration.ofMillis(50), Duration.ofMillis(100),
                () -> registry.reload("file-watch"))) {
            Files.writeString(dir.resolve("elsewhere/a.drl"), RULE.formatted("v2, longer"));
            String expected = RuleSources.fromDirectory(rules).version();
            await().atMost(DEADLINE).pollInterval(Duration.ofMillis(50))
                    .until(() -> registry.active().map(RuleSet::version).orElse(""), expected::equals);
        } finally {
            registry.shutdown();
        }
    }

    @Test
    void withoutThePollThatChangeGoesUnseen(@TempDir Path dir) throws Exception {
        // The counterpart of the test above: proves that it is the poll, not an event, that found the change.
        Path rules = ruleLinkedFromAnUnwatchedFolder(dir);
        java.util.concurrent.atomic.AtomicInteger reloads = new java.util.concurrent.atomic.AtomicInteger();
        try (RuleFolderWatcher watcher = new RuleFolderWatcher(rules, Duration.ofMillis(50), NO_POLL,
                reloads::incrementAndGet)) {
            Files.writeString(dir.resolve("elsewhere/a.drl"), RULE.formatted("v2, longer"));
            // A negative can only be shown by waiting; a second is many debounce periods.
            Thread.sleep(1000);
        }
        assertThat(reloads).hasValue(0);
    }
}
