package org.hccguidance.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * The balancer in front of the fleet. Guidance is a pure function of the request and the rule set, so a
 * request that failed on one replica (connection refused, connection closed without an answer, 5xx) may
 * be sent again to another: {@code retry-on all-retryable-errors} with {@code option redispatch}. Health
 * checks use the readiness probe, so a replica without a valid rule set, or still starting, gets nothing.
 */
final class HaproxyConfig {

    private HaproxyConfig() {
    }

    static String render(int port, String servers) {
        return """
                global
                  maxconn 512
                defaults
                  mode http
                  timeout connect 1s
                  timeout client 30s
                  timeout server 15s
                  retries 3
                  option redispatch 1
                  retry-on all-retryable-errors
                frontend fleet
                  bind 127.0.0.1:%d
                  stats enable
                  stats uri /fleet-status
                  default_backend guidance
                backend guidance
                  balance roundrobin
                  option httpchk GET /actuator/health/readiness
                  http-check expect status 200
                  default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
                  http-response set-header X-Served-By %%s
                %s""".formatted(port, servers);
    }

    /** HAProxy from the PATH or Debian's location; its absence fails the caller, since CI installs it. */
    static Path binary() {
        return Stream.concat(Stream.of(System.getenv().getOrDefault("PATH", "").split(":")).map(Path::of),
                        Stream.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin")))
                .map(dir -> dir.resolve("haproxy")).filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("haproxy is not installed: the fleet test needs it "
                        + "(Debian: apt-get install haproxy; .ci/run installs it)"));
    }
}
