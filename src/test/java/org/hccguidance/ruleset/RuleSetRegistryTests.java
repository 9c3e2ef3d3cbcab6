package org.hccguidance.ruleset;

import org.hccguidance.TestFiles;
import org.hccguidance.engine.EvaluationLimits;
import org.hccguidance.engine.GuidanceEngine;
import org.hccguidance.engine.RuleSet;
import org.hccguidance.engine.RuleSetCompiler;
import org.hccguidance.engine.RuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class RuleSetRegistryTests {

    private static final String RULE = "package rules.t;\nimport org.hccguidance.facts.*;\nimport org.hccguidance.guidance.*;\n"
            + "ruleflow-group \"options\"\nrule \"Greeting\"\nwhen PatientCase()\nthen insert(new Alert(Severity.INFO, \"HELLO\", \"%s\"));\nend\n";

    private static RuleSetRegistry registry(Path rules, Path data, EvaluationLimits limits) {
        return registry(() -> RuleSources.fromDirectory(rules), data, limits);
    }

    private static RuleSetRegistry registry(java.util.function.Supplier<RuleSources> folder, Path data, EvaluationLimits limits) {
        GuidanceEngine engine = new GuidanceEngine(limits);
        return new RuleSetRegistry(folder, new RuleSetCompiler(Clock.systemUTC()),
                new RuleSetArchive(data), null, false, limits, null, Clock.systemUTC());
    }

    @Test
    void aRestartAfterARefusedEditServesTheLastGoodVersion(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("v1"));
        RuleSetRegistry first = registry(rules, dir.resolve("data"), EvaluationLimits.DEFAULT);
        first.start();
        String good = first.active().orElseThrow().version();
        first.shutdown();

        Files.writeString(rules.resolve("a.drl"), "this is not DRL");
        RuleSetRegistry restarted = registry(rules, dir.resolve("data"), EvaluationLimits.DEFAULT);
        restarted.start();
        assertThat(restarted.active()).map(RuleSet::version).contains(good);
        assertThat(restarted.active().orElseThrow().source()).isEqualTo("archive:" + good);
        assertThat(restarted.startupNote()).get().asString().contains("last activated version");
        assertThat(restarted.lastRefused()).get().satisfies(r -> assertThat(r.errors()).anySatisfy(
                e -> assertThat(e.file()).isEqualTo("a.drl")));
        restarted.shutdown();
    }

    @Test
    void theWebServerBarrierHoldsUntilTheBackgroundStartHasLoadedTheRules(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("v1"));
        java.util.concurrent.CountDownLatch folderReadable = new java.util.concurrent.CountDownLatch(1);
        RuleSetRegistry r = registry(() -> {
            try {
                folderReadable.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return RuleSources.fromDirectory(rules);
        }, dir.resolve("data"), EvaluationLimits.DEFAULT);
        RuleSetStartupBarrier barrier = new RuleSetStartupBarrier(r);
        r.startInBackground();
        Thread webServerStart = new Thread(barrier::start);
        webServerStart.start();
        webServerStart.join(300);
        assertThat(webServerStart.isAlive()).as("barrier waits while the rules load").isTrue();
        assertThat(barrier.isRunning()).isFalse();
        assertThat(r.active()).isEmpty();

        folderReadable.countDown();
        webServerStart.join(60_000);
        assertThat(webServerStart.isAlive()).isFalse();
        assertThat(barrier.isRunning()).isTrue();
        assertThat(r.active()).isPresent();
        r.shutdown();
    }

    @Test
    void withNoArchiveABrokenFolderLeavesNothingLoaded(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), "rule");
        RuleSetRegistry r = registry(rules, dir.resolve("data"), EvaluationLimits.DEFAULT);
        r.start();
        assertThat(r.active()).isEmpty();
        assertThat(r.startupNote()).get().asString().contains("no valid rule set");
        r.shutdown();
    }

    @Test
    void everyActivationIsArchivedAndReplacedModulesAreReleased(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("v0"));
        EvaluationLimits quick = new EvaluationLimits(1000, Duration.ofMillis(20));
        RuleSetRegistry r = registry(rules, dir.resolve("data"), quick);
        r.start();
        List<ReleaseId> released = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            released.add(r.active().orElseThrow().releaseId());
            Files.writeString(rules.resolve("a.drl"), RULE.formatted("v" + i));
            assertThat(r.reload("test").status()).isEqualTo(ReloadOutcome.Status.ACTIVATED);
        }
        assertThat(r.history()).hasSize(26).allSatisfy(a -> assertThat(a.activatedBy()).isIn("startup", "test"));
        // Each replaced module leaves the KieRepository once no evaluation can still hold it.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(released).allSatisfy(
                id -> assertThat(KieServices.Factory.get().getRepository().getKieModule(id)).isNull()));
        assertThat(KieServices.Factory.get().getRepository().getKieModule(r.active().orElseThrow().releaseId())).isNotNull();
        // Every archived version can be compiled again to reproduce past guidance.
        String first = r.history().get(0).version();
        assertThat(r.storedVersion(first)).map(RuleSet::version).contains(first);
        r.shutdown();
    }

    @Test
    void aRefusedCandidateIsReportedAndTheLiveVersionKeepsServing(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("v1"));
        RuleSetRegistry r = registry(rules, dir.resolve("data"), EvaluationLimits.DEFAULT);
        r.start();
        String live = r.active().orElseThrow().version();
        Files.writeString(rules.resolve("b.drl"), "package rules.t;\nruleflow-group \"options\"\nrule \"Bad\"\nwhen\n  NoSuchType()\nthen\nend\n");
        ReloadOutcome out = r.reload("test");
        assertThat(out.status()).isEqualTo(ReloadOutcome.Status.REFUSED);
        assertThat(out.activeVersion()).isEqualTo(live);
        assertThat(out.errors()).anySatisfy(e -> assertThat(e.location()).isEqualTo("b.drl:5"));
        assertThat(r.active()).map(RuleSet::version).contains(live);
        Files.delete(rules.resolve("b.drl"));
        assertThat(r.reload("test").status()).isEqualTo(ReloadOutcome.Status.UNCHANGED);
        assertThat(r.lastRefused()).isEmpty();
        r.shutdown();
    }

    @Test
    void aCandidateWhoseGateNeverEndsIsRefusedAndTheLiveVersionKeepsServing(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("v1"));
        java.util.concurrent.atomic.AtomicBoolean hang = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        ScenarioGate gate = candidate -> {
            if (hang.get()) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return List.of();
        };
        RuleSetRegistry r = new RuleSetRegistry(() -> RuleSources.fromDirectory(rules), new RuleSetCompiler(Clock.systemUTC()),
                new RuleSetArchive(dir.resolve("data")), gate, true, EvaluationLimits.DEFAULT, null, Clock.systemUTC(),
                Duration.ofSeconds(2));
        r.start();
        String live = r.active().orElseThrow().version();
        hang.set(true);
        Files.writeString(rules.resolve("a.drl"), RULE.formatted("v2"));
        long started = System.nanoTime();
        ReloadOutcome out = r.reload("test");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(out.status()).isEqualTo(ReloadOutcome.Status.REFUSED);
        assertThat(out.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("within 2 s"));
        assertThat(r.active()).map(RuleSet::version).contains(live);
        r.shutdown();

        // At start-up the same hang falls back to the last activated version instead of holding the port shut.
        RuleSetRegistry restarted = new RuleSetRegistry(() -> RuleSources.fromDirectory(rules), new RuleSetCompiler(Clock.systemUTC()),
                new RuleSetArchive(dir.resolve("data")), gate, true, EvaluationLimits.DEFAULT, null, Clock.systemUTC(),
                Duration.ofSeconds(2));
        restarted.start();
        assertThat(restarted.active()).map(RuleSet::version).contains(live);
        assertThat(restarted.startupNote()).get().asString().contains("last activated version");
        restarted.shutdown();
    }

    @Test
    void shippedRulesSurviveACopy(@TempDir Path dir) {
        Path rules = TestFiles.copyTree(Path.of("rules"), dir.resolve("rules"));
        assertThat(RuleSources.fromDirectory(rules).version()).isEqualTo(RuleSources.fromDirectory(Path.of("rules")).version());
    }
}
