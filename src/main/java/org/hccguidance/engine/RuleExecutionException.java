package org.hccguidance.engine;

/** An evaluation that could not finish: firing cap, time budget, or a rule that threw. */
public class RuleExecutionException extends RuntimeException {

    /** Which limit or failure ended the evaluation. */
    public enum Kind { FIRING_LIMIT, TIME_LIMIT, RULE_ERROR }

    private final Kind kind;
    private final String ruleName;

    public RuleExecutionException(Kind kind, String ruleName, String message) {
        super(message);
        this.kind = kind;
        this.ruleName = ruleName;
    }

    public Kind kind() {
        return kind;
    }

    public String ruleName() {
        return ruleName;
    }
}
