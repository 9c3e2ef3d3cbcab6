package org.hccguidance.deploy;

import org.hccguidance.TestFiles;
import org.hccguidance.engine.RuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet in small: two replicas in JVMs of their own behind HAProxy, sharing one rule volume, under
 * steady load while a new release is swapped in. The full run (three replicas, a refused release, a
 * replica killed and restarted, PostgreSQL) is {@code deploy/fleet/fleet-test.sh}.
 */
class FleetTests {

    /** A release that differs from the shipped rules only by a comment: a new version that passes the gate. */
    static Path releaseWithNote(Path shipped, Path to, String note) throws Exception {
        TestFiles.copyTree(shipped, to);
        Path file = to.resolve("closing/mdt.drl");
        Files.writeString(file, Files.readString(file) + "\n// " + note + "\n");
        return to;
    }

    @Test
    void twoReplicasConvergeOnASwappedReleaseWithEveryRequestAnswered(@TempDir Path dir) throws Exception {
        HaproxyConfig.binary();
        Path v1 = TestFiles.copyTree(Path.of("rules"), dir.resolve("release-1"));
        Path v2 = releaseWithNote(Path.of("rules"), dir.resolve("release-2"), "release 2");
        String version1 = RuleSources.fromDirectory(v1).version();
        String version2 = RuleSources.fromDirectory(v2).version();
        String patient = Files.readString(Path.of("bench/patient.json"));

        try (Fleet fleet = new Fleet(new Fleet.Setup(2, dir.resolve("fleet"), 200, Optional.empty()), v1,
                Path.of("scenarios").toAbsolutePath())) {
            fleet.start();
            fleet.awaitReady(Duration.ofSeconds(150), fleet.replicas().values());
            Duration convergence;
            FleetObserver observer = new FleetObserver(fleet, patient, 2);
            try {
                observer.awaitAnswers(40, Duration.ofSeconds(30));
                convergence = observer.publishAndConverge(v2, version2, Duration.ofSeconds(60));
                observer.awaitAnswers(40, Duration.ofSeconds(30));
            } finally {
                observer.close();
            }
            var answers = observer.answers();
            System.out.printf("fleet (2 replicas): convergence %d ms, %d answers, %d failed, %d version mismatches%n",
                    convergence.toMillis(), answers.size(), observer.failures().size(), observer.mismatches().size());

            assertThat(observer.failures()).as("failed requests through the balancer").isEmpty();
            assertThat(observer.mismatches()).as("answers whose version their replica did not report then").isEmpty();
            assertThat(answers.stream().map(FleetObserver.Answer::servedBy).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder("r1", "r2");
            assertThat(answers.stream().map(FleetObserver.Answer::version).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(version1, version2);
            // The target is 5 s; the bound here is loose because CI machines are shared (figures: docs/deployment.md).
            assertThat(convergence).isLessThanOrEqualTo(Duration.ofSeconds(30));
        }
    }
}
