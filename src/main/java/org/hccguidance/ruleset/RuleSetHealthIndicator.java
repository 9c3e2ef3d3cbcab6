package org.hccguidance.ruleset;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** DOWN while no valid rule set serves; otherwise UP with the active version and any refused candidate. */
@Component("ruleset")
class RuleSetHealthIndicator implements HealthIndicator {

    private final RuleSetRegistry registry;

    RuleSetHealthIndicator(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Health health() {
        Health.Builder builder = registry.active()
                .map(rs -> Health.up().withDetail("version", rs.version()).withDetail("source", rs.source())
                        .withDetail("rules", rs.ruleCount()))
                .orElseGet(() -> Health.down().withDetail("reason", "no valid rule set is loaded"));
        builder.withDetail("lastCandidateRefused", registry.lastRefused().isPresent());
        registry.lastRefused().ifPresent(r -> builder.withDetail("refusedVersion", r.version()));
        registry.startupNote().ifPresent(n -> builder.withDetail("note", n));
        return builder.build();
    }
}
