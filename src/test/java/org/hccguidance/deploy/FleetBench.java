package org.hccguidance.deploy;

import org.hccguidance.TestFiles;
import org.hccguidance.engine.RuleSources;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The full fleet run ({@code deploy/fleet/fleet-test.sh}; never part of {@code mvn verify}): three
 * replicas behind HAProxy sharing one rule volume and, when {@code GUIDANCE_TEST_POSTGRES_URL} is set,
 * one PostgreSQL database, under steady load throughout:
 * (a) a new release is swapped in and the time until all three report it is measured;
 * (b) a release that does not compile is swapped in and no replica may go live with it;
 * (c) one replica is killed with SIGKILL and started again (on the refused folder, so from its archive);
 * (d) a good release is swapped in again.
 * Failed requests and answers whose version their replica did not report are counted throughout.
 * Figures go to target/bench/fleet.txt.
 */
class FleetBench {

    @Test
    void threeReplicasUnderLoad() throws Exception {
        HaproxyConfig.binary();
        int replicas = Integer.getInteger("fleet.replicas", 3);
        int generated = Integer.getInteger("fleet.generated-patients", 200);
        int loadThreads = Integer.getInteger("fleet.load-threads", 2);
        Optional<String> postgres = Optional.ofNullable(System.getenv("GUIDANCE_TEST_POSTGRES_URL")).filter(s -> !s.isBlank());
        Path work = Files.createDirectories(Path.of("target/fleet"));
        TestFiles.deleteTree(work);
        Path v1 = TestFiles.copyTree(Path.of("rules"), work.resolve("releases/1"));
        Path v2 = FleetTests.releaseWithNote(Path.of("rules"), work.resolve("releases/2"), "release 2");
        Path bad = FleetTests.releaseWithNote(Path.of("rules"), work.resolve("releases/3-broken"), "release 3");
        Files.writeString(bad.resolve("closing/mdt.drl"), "rule \"half written\" when then\n", java.nio.file.StandardOpenOption.APPEND);
        Path v4 = FleetTests.releaseWithNote(Path.of("rules"), work.resolve("releases/4"), "release 4");
        String version2 = RuleSources.fromDirectory(v2).version();
        String broken = RuleSources.fromDirectory(bad).version();
        String version4 = RuleSources.fromDirectory(v4).version();
        List<String> report = new ArrayList<>();
        report.add("replicas " + replicas + ", generated patients per gate " + generated + ", load threads " + loadThreads
                + ", feedback store " + (postgres.isPresent() ? "one PostgreSQL" : "H2 per replica")
                + ", cores " + Runtime.getRuntime().availableProcessors());

        try (Fleet fleet = new Fleet(new Fleet.Setup(replicas, work.resolve("run"), generated, postgres), v1,
                Path.of("scenarios").toAbsolutePath())) {
            long started = System.nanoTime();
            fleet.start();
            fleet.awaitReady(Duration.ofSeconds(300), fleet.replicas().values());
            report.add("start-up, all replicas ready behind the balancer: " + ms(System.nanoTime() - started));
            FleetObserver observer = new FleetObserver(fleet, Files.readString(Path.of("bench/patient.json")), loadThreads);
            long loadStarted = System.nanoTime();
            try {
                observer.awaitAnswers(100, Duration.ofSeconds(60));

                report.add("(a) at " + ms(System.nanoTime() - loadStarted));
                Duration a = observer.publishAndConverge(v2, version2, Duration.ofSeconds(120));
                report.add("(a) valid release swapped in: all replicas report it after " + a.toMillis() + " ms");

                long badAt = System.nanoTime();
                report.add("(b) at " + ms(badAt - loadStarted));
                fleet.publish(bad);
                // Each replica refuses it on its own; wait until each says so, then look at what went live.
                for (Fleet.Replica r : fleet.replicas().values()) {
                    awaitRefused(fleet, r, broken, Duration.ofSeconds(120));
                }
                report.add("(b) broken release swapped in: refused by every replica after " + ms(System.nanoTime() - badAt)
                        + "; versions reported since: " + observer.reportedSince(badAt));
                assertThat(observer.reportedSince(badAt)).doesNotContain(broken).containsOnly(version2);

                Fleet.Replica victim = fleet.replicas().values().iterator().next();
                long killedAt = System.nanoTime();
                report.add("(c) at " + ms(killedAt - loadStarted));
                fleet.kill(victim);
                observer.awaitAnswers(100, Duration.ofSeconds(60));
                fleet.launch(victim);
                fleet.awaitReady(Duration.ofSeconds(300), List.of(victim));
                report.add("(c) " + victim.name + " killed (SIGKILL) and started again on the broken folder: ready after "
                        + ms(System.nanoTime() - killedAt) + ", serving " + fleet.reportedVersion(victim).orElse("nothing")
                        + " (its archive)");
                assertThat(fleet.reportedVersion(victim)).contains(version2);

                report.add("(d) at " + ms(System.nanoTime() - loadStarted));
                Duration d = observer.publishAndConverge(v4, version4, Duration.ofSeconds(120));
                report.add("(d) next valid release swapped in: all replicas report it after " + d.toMillis() + " ms");
                observer.awaitAnswers(100, Duration.ofSeconds(60));
            } finally {
                observer.close();
            }
            var answers = observer.answers();
            report.add("answers through the balancer: " + answers.size() + ", failed: " + observer.failures().size()
                    + ", version not the one its replica reported: " + observer.mismatches().size()
                    + ", broken version served: " + answers.stream().filter(x -> broken.equals(x.version())).count());
            observer.failures().stream().limit(5).forEach(f -> report.add("  failed " + ms(f.start() - loadStarted)
                    + " after the load started, answered " + ms(f.end() - f.start()) + " later: " + f.error()));
            // Where each release's time went on each replica, from the activation lines of its log.
            for (Fleet.Replica r : fleet.replicas().values()) {
                report.add("reloads on " + r.name + ": " + activationTimes(r.dir.resolve("replica.log")));
            }
            Path out = Files.createDirectories(Path.of("target/bench")).resolve("fleet.txt");
            Files.write(out, report);
            report.forEach(System.out::println);
            assertThat(observer.failures()).isEmpty();
            assertThat(observer.mismatches()).isEmpty();
        }
    }

    private static void awaitRefused(Fleet fleet, Fleet.Replica r, String version, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!fleet.get(r.port, "/api/v1/ruleset").map(b -> b.contains("\"lastRefusedCandidate\":{")
                && b.contains(version)).orElse(false)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("replica " + r.name + " did not report refusing " + version + " within " + limit);
            }
            Thread.sleep(50);
        }
    }

    private static final java.util.regex.Pattern ACTIVATION = java.util.regex.Pattern.compile(
            "activated by file-watch .*compiled in (\\d+) ms, scenario gate (\\d+) ms");

    /** "compile 4410 + gate 14000 ms" for every release a replica activated after a swap. */
    private static List<String> activationTimes(Path log) throws java.io.IOException {
        List<String> times = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            java.util.regex.Matcher m = ACTIVATION.matcher(line);
            if (m.find()) {
                times.add("compile " + m.group(1) + " + gate " + m.group(2) + " ms");
            }
        }
        return times;
    }

    private static String ms(long nanos) {
        return nanos / 1_000_000 + " ms";
    }
}
