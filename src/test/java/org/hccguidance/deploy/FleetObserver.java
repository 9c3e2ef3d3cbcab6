package org.hccguidance.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;

/**
 * Steady guidance load through the balancer, and a watch on every replica's reported version, running
 * together; afterwards it says how many requests failed, which answers carried a version their replica
 * did not report around that time, and when each replica first reported a version.
 */
final class FleetObserver implements AutoCloseable {

    /** One answer through the balancer: when it was asked and answered (nanoTime), by whom, with what. */
    record Answer(long start, long end, int status, String servedBy, String version, String error) {
        boolean failed() {
            return status != 200 || version == null;
        }
    }

    /** One look at a replica's {@code GET /api/v1/ruleset}: the version, or null when it did not answer. */
    record Sample(long at, String version) {
    }

    private final Fleet fleet;
    private final String patient;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, List<Sample>> samples = new ConcurrentHashMap<>();
    private final List<Thread> threads = new ArrayList<>();

    FleetObserver(Fleet fleet, String patient, int loadThreads) {
        this.fleet = fleet;
        this.patient = patient;
        for (String name : fleet.replicas().keySet()) {
            samples.put(name, new CopyOnWriteArrayList<>());
        }
        for (int i = 0; i < loadThreads; i++) {
            threads.add(daemon("fleet-load-" + i, this::load));
        }
        threads.add(daemon("fleet-watch", this::watch));
    }

    private Thread daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void load() {
        URI uri = URI.create("http://127.0.0.1:" + fleet.balancerPort() + "/api/v1/guidance");
        while (running.get()) {
            long start = System.nanoTime();
            try {
                HttpResponse<String> res = client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(patient))
                        .build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = Fleet.VERSION.matcher(res.body());
                answers.add(new Answer(start, System.nanoTime(), res.statusCode(),
                        res.headers().firstValue("X-Served-By").orElse("?"), m.find() ? m.group(1) : null,
                        res.statusCode() == 200 ? null : res.body()));
            } catch (IOException e) {
                answers.add(new Answer(start, System.nanoTime(), 0, "?", null, e.toString()));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void watch() {
        while (running.get()) {
            for (var r : fleet.replicas().values()) {
                long at = System.nanoTime();
                samples.get(r.name).add(new Sample(at, fleet.reportedVersion(r).orElse(null)));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The first time (nanoTime) at or after {@code since} that the replica reported {@code version}. */
    Optional<Long> firstReported(String replica, String version, long since) {
        return samples.get(replica).stream().filter(s -> s.at() >= since && version.equals(s.version()))
                .map(Sample::at).findFirst();
    }

    /** Every version any replica reported at or after {@code since}. */
    Set<String> reportedSince(long since) {
        Set<String> seen = new HashSet<>();
        samples.values().forEach(list -> list.stream().filter(s -> s.at() >= since && s.version() != null)
                .forEach(s -> seen.add(s.version())));
        return seen;
    }

    /**
     * Publishes a release and waits until every replica reports its version; returns the time from the
     * swap to the last replica's first report (each replica checked every 50 ms or so).
     */
    Duration publishAndConverge(Path release, String version, Duration limit) throws InterruptedException {
        long swapped = System.nanoTime();
        fleet.publish(release);
        long deadline = swapped + limit.toNanos();
        long last = swapped;
        for (String replica : fleet.replicas().keySet()) {
            Optional<Long> first;
            while ((first = firstReported(replica, version, swapped)).isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("replica " + replica + " did not report " + version + " within " + limit);
                }
                Thread.sleep(20);
            }
            last = Math.max(last, first.get());
        }
        return Duration.ofNanos(last - swapped);
    }

    /** Waits until at least {@code count} more answers have come back through the balancer. */
    void awaitAnswers(int count, Duration limit) throws InterruptedException {
        int target = answers.size() + count;
        long deadline = System.nanoTime() + limit.toNanos();
        while (answers.size() < target) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + answers.size() + " of " + target + " answers within " + limit);
            }
            Thread.sleep(20);
        }
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    List<Answer> failures() {
        return answers.stream().filter(Answer::failed).toList();
    }

    /**
     * Answers whose version is not one its replica reported around the request: the last look before it
     * was sent, any look while it ran, and the first look after it was answered.
     */
    List<Answer> mismatches() {
        List<Answer> wrong = new ArrayList<>();
        for (Answer a : answers) {
            if (a.failed()) {
                continue;
            }
            List<Sample> seen = samples.get(a.servedBy());
            if (seen == null) {
                wrong.add(a);
                continue;
            }
            Set<String> allowed = new HashSet<>();
            Sample before = null;
            Sample after = null;
            for (Sample s : seen) {
                if (s.at() <= a.start()) {
                    before = s;
                } else if (s.at() <= a.end()) {
                    allowed.add(s.version());
                } else {
                    after = s;
                    break;
                }
            }
            if (before != null) {
                allowed.add(before.version());
            }
            if (after != null) {
                allowed.add(after.version());
            }
            // An answer after the watch's last look has nothing to be compared with.
            if (after != null && !allowed.contains(a.version())) {
                wrong.add(a);
            }
        }
        return wrong;
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread t : threads) {
            t.join(35_000);
        }
    }
}
