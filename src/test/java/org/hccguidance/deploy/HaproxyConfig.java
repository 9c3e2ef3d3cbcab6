package org.hccguidance.deploy;

import java.nio.file.Path;

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
                  log stdout format raw local0
                defaults
                  mode http
                  log global
                  option httplog
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
                  default-server inter 500ms fall 2 rise 1
                  http-response set-header X-Served-By %%s
                %s""".formatted(port, servers);
    }

    static Path binary() {
        return Tools.require("haproxy", "the fleet test");
    }
}
