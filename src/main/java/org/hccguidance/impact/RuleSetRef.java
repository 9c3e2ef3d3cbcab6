package org.hccguidance.impact;

import org.hccguidance.engine.RuleSet;

/** A rule set resolved for a comparison: what it was called, and whether the comparison owns it. */
record RuleSetRef(RuleSet ruleSet, String label, boolean owned) implements AutoCloseable {

    /** Releases a rule set compiled only for this comparison; live and cached versions stay. */
    @Override
    public void close() {
        if (owned) {
            ruleSet.release();
        }
    }
}
