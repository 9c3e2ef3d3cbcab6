package org.hccguidance.engine;

import java.time.Duration;

/**
 * Bounds on one evaluation, so a runaway rule ends with a clear error instead of taking the service
 * down: rule firings, facts inserted, matches created (a join that multiplies facts shows up here
 * before it fires anything), and CPU time of the evaluating thread (not wall-clock time, so a busy
 * machine does not fail healthy rules).
 */
public record EvaluationLimits(int maxFirings, Duration timeBudget, int maxFacts, int maxMatches) {

    public static final int DEFAULT_MAX_FACTS = 2_000;
    public static final int DEFAULT_MAX_MATCHES = 20_000;
    public static final EvaluationLimits DEFAULT = new EvaluationLimits(10_000, Duration.ofSeconds(2),
            DEFAULT_MAX_FACTS, DEFAULT_MAX_MATCHES);

    public EvaluationLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1");
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
        if (maxFacts < 1 || maxMatches < 1) {
            throw new IllegalArgumentException("maxFacts and maxMatches must be at least 1");
        }
    }

    public EvaluationLimits(int maxFirings, Duration timeBudget) {
        this(maxFirings, timeBudget, DEFAULT_MAX_FACTS, DEFAULT_MAX_MATCHES);
    }
}
