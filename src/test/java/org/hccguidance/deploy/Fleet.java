package org.hccguidance.deploy;

import org.hccguidance.KubeletVolume;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replicas of the service on one machine, each a JVM of its own started from the test class path as an
 * operator starts the jar, behind one HAProxy, all reading one rule folder laid out and updated like a
 * Kubernetes ConfigMap volume. HAProxy names the replica that answered in an {@code X-Served-By} header,
 * so that each answer can be checked against what that replica reported.
 */
final class Fleet implements AutoCloseable {

    static final Pattern VERSION = Pattern.compile("\"(?:version|rulesetVersion)\"\\s*:\\s*\"(sha256:[0-9a-f]{64})\"");

    /** How the fleet is set up; {@code postgresUrl} empty means each replica keeps feedback in its own H2 file. */
    record Setup(int replicas, Path work, int generatedPatients, Optional<String> postgresUrl) {
    }

    private final Setup setup;
    private final KubeletVolume rules;
    private final Path scenarios;
    private final Map<String, Replica> replicas = new LinkedHashMap<>();
    private final int balancerPort;
    private Process balancer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    Fleet(Setup setup, Path firstRelease, Path scenarios) throws IOException {
        // Each replica runs in its own folder, so every path it is given must be absolute.
        this.setup = new Setup(setup.replicas(), setup.work().toAbsolutePath(), setup.generatedPatients(),
                setup.postgresUrl());
        this.scenarios = scenarios;
        Files.createDirectories(this.setup.work());
        this.rules = new KubeletVolume(this.setup.work().resolve("rules"));
        rules.publish(firstRelease);
        for (int i = 1; i <= setup.replicas(); i++) {
            String name = "r" + i;
            replicas.put(name, new Replica(name, freePort(), this.setup.work().resolve(name)));
        }
        this.balancerPort = freePort();
    }

    /** One replica: its port, its data folder and, while it runs, its process. */
    static final class Replica {
        final String name;
        final int port;
        final Path dir;
        volatile Process process;

        Replica(String name, int port, Path dir) {
            this.name = name;
            this.port = port;
            this.dir = dir;
        }
    }

    Map<String, Replica> replicas() {
        return replicas;
    }

    int balancerPort() {
        return balancerPort;
    }

    /** Starts every replica (at once, as a Deployment does) and then the balancer. */
    void start() throws IOException {
        for (Replica r : replicas.values()) {
            launch(r);
        }
        startBalancer();
    }

    void launch(Replica r) throws IOException {
        Files.createDirectories(r.dir);
        // JVM flags as in a pod: the default tiered compilers (C2 included, since replicas serve for long), and
        // the serial collector, which the JVM picks on its own under the pod's 1 GiB memory limit.
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-Djava.io.tmpdir=" + r.dir,
                "-cp", System.getProperty("java.class.path"), "org.hccguidance.GuidanceApplication", "serve",
                "--server.port=" + r.port, "--guidance.rules.dir=" + rules.mount(),
                "--guidance.scenarios.dir=" + scenarios, "--guidance.data.dir=" + r.dir.resolve("data"),
                "--guidance.reload.generated-patients=" + setup.generatedPatients(),
                "--guidance.reload.poll-interval=1s", "--logging.level.org.drools=WARN",
                "--logging.level.org.kie=WARN"));
        setup.postgresUrl().ifPresent(url -> cmd.add("--spring.datasource.url=" + url));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(r.dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(r.dir.resolve("replica.log").toFile()));
        pb.environment().put("GUIDANCE_ADMIN_PASSWORD", "fleet-admin");
        r.process = pb.start();
    }

    private void startBalancer() throws IOException {
        Path cfg = setup.work().resolve("haproxy.cfg");
        StringBuilder servers = new StringBuilder();
        for (Replica r : replicas.values()) {
            servers.append("  server ").append(r.name).append(" 127.0.0.1:").append(r.port).append(" check\n");
        }
        Files.writeString(cfg, HaproxyConfig.render(balancerPort, servers.toString()));
        Path haproxy = HaproxyConfig.binary();
        ProcessBuilder pb = new ProcessBuilder(haproxy.toString(), "-db", "-f", cfg.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(setup.work().resolve("haproxy.log").toFile()));
        balancer = pb.start();
    }

    /** Publishes a release folder into the shared rule volume (the kubelet's atomic {@code ..data} swap). */
    void publish(Path release) {
        rules.publish(release);
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no graceful close. */
    void kill(Replica r) throws InterruptedException {
        r.process.destroyForcibly();
        r.process.waitFor();
    }

    /** Waits until every named replica's readiness probe is UP, or fails naming the ones that are not. */
    void awaitReady(Duration limit, Iterable<Replica> which) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Replica r : which) {
            while (get(r.port, "/actuator/health/readiness").map(b -> b.contains("\"UP\"")).orElse(false) == Boolean.FALSE) {
                if (!r.process.isAlive()) {
                    throw new AssertionError("replica " + r.name + " exited with " + r.process.exitValue() + "; log "
                            + r.dir.resolve("replica.log"));
                }
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("replica " + r.name + " not ready within " + limit + "; log "
                            + r.dir.resolve("replica.log"));
                }
                Thread.sleep(100);
            }
        }
        // The balancer sees it after its own checks: two passes of its half-second interval.
        while (!balancerSeesAllUp()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the balancer does not route to every replica within " + limit + "; log "
                        + setup.work().resolve("haproxy.log"));
            }
            Thread.sleep(100);
        }
    }

    private boolean balancerSeesAllUp() {
        if (balancer == null || !balancer.isAlive()) {
            throw new AssertionError("haproxy is not running; log " + setup.work().resolve("haproxy.log"));
        }
        return get(balancerPort, "/fleet-status;csv").map(csv -> replicas.keySet().stream()
                .allMatch(name -> csv.lines().anyMatch(l -> l.startsWith("guidance," + name + ",") && l.contains(",UP,"))))
                .orElse(false);
    }

    /** The version a replica reports now at {@code GET /api/v1/ruleset}, or empty when it does not answer. */
    Optional<String> reportedVersion(Replica r) {
        return get(r.port, "/api/v1/ruleset").flatMap(body -> {
            Matcher m = VERSION.matcher(body);
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        });
    }

    Optional<String> get(int port, String path) {
        try {
            HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return res.statusCode() == 200 ? Optional.of(res.body()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Replica r : replicas.values()) {
            if (r.process != null && r.process.isAlive()) {
                r.process.destroy();
            }
        }
        if (balancer != null) {
            balancer.destroy();
        }
        for (Replica r : replicas.values()) {
            try {
                if (r.process != null && !r.process.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
                    r.process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                r.process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
