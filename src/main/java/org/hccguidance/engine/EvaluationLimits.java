package org.hccguidance.engine;

import java.time.Duration;

/** Bounds on one evaluation, so a runaway rule ends with a clear error instead of hanging the service. */
public record EvaluationLimits(int maxFirings, Duration timeBudget) {

    public static final EvaluationLimits DEFAULT = new EvaluationLimits(10_000, Duration.ofSeconds(2));

    public EvaluationLimits {
        if (maxFirings < 1) {
            throw new IllegalArgumentException("maxFirings must be at least 1");
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("timeBudget must be positive");
        }
    }
}
