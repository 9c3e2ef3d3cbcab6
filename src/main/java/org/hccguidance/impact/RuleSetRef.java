package org.hccguidance.impact;

import org.hccguidance.engine.RuleSet;

/**
 * A rule set compiled for one comparison, and what it was called. The comparison owns it (a live or stored
 * version is compiled again from its files, so a reload cannot release it mid-run) and releases it at the end.
 */
record RuleSetRef(RuleSet ruleSet, String label) implements AutoCloseable {

    @Override
    public void close() {
        ruleSet.release();
    }
}
