package org.hccguidance.ruleset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;

/** Everything under {@code guidance.*} in application properties or on the command line. */
@ConfigurationProperties("guidance")
public record GuidanceProperties(
        @DefaultValue Rules rules,
        @DefaultValue Scenarios scenarios,
        @DefaultValue Data data,
        @DefaultValue Evaluation evaluation,
        @DefaultValue Reload reload,
        @DefaultValue Security security) {

    /** {@code dir}: the rule folder; empty means ./rules if it exists, else the jar's embedded copy. */
    public record Rules(Path dir) {
    }

    /** {@code dir}: the scenario folder used to gate reloads; empty means ./scenarios or the embedded copy. */
    public record Scenarios(Path dir) {
    }

    /** {@code dir}: where every activated rule set is archived. */
    public record Data(@DefaultValue("./data") Path dir) {
    }

    /** Limits on one evaluation: firings, CPU time, facts inserted and rule matches created. */
    public record Evaluation(@DefaultValue("10000") int maxFirings, @DefaultValue("2s") Duration timeBudget,
                             @DefaultValue("2000") int maxFacts, @DefaultValue("20000") int maxMatches) {
    }

    /**
     * {@code gateTimeout}: the longest a candidate's build and gate may take before it is refused;
     * {@code generatedPatients}: how many generated patients the gate checks the safety invariants on;
     * {@code pollInterval}: how often the watcher's backstop compares the folder's fingerprint (0 turns it off).
     */
    public record Reload(@DefaultValue("true") boolean watch, @DefaultValue("true") boolean requireScenarios,
                         @DefaultValue("250ms") Duration debounce, @DefaultValue("120s") Duration gateTimeout,
                         @DefaultValue("2000") int generatedPatients, @DefaultValue("2s") Duration pollInterval) {
    }

    public record Security(@DefaultValue("false") boolean requireClientAuth) {
    }
}
