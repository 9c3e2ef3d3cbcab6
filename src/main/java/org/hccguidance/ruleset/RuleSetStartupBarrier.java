package org.hccguidance.ruleset;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Holds the web server back until the start-up rule build has finished, so no request ever reaches
 * the service while its first rule set is still being compiled and gated. Lifecycle beans start in
 * phase order, and this phase comes before the embedded web server's.
 */
@Component
class RuleSetStartupBarrier implements SmartLifecycle {

    private final RuleSetRegistry registry;
    private volatile boolean running;

    RuleSetStartupBarrier(RuleSetRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void start() {
        registry.awaitStart();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 0;
    }
}
