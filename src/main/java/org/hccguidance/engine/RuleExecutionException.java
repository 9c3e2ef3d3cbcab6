package org.hccguidance.engine;

/**
 * An evaluation that could not finish: a limit was reached, or a rule threw. The message names the
 * limit and the rule, and for a rule failure only the exception's type: an exception message may
 * carry patient values.
 */
public class RuleExecutionException extends RuntimeException {

    /** Which limit or failure ended the evaluation. */
    public enum Kind { FIRING_LIMIT, TIME_LIMIT, FACT_LIMIT, MATCH_LIMIT, RULE_ERROR }

    private final Kind kind;
    private final String ruleName;

    public RuleExecutionException(Kind kind, String ruleName, String message) {
        super(message, null, false, false);
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
