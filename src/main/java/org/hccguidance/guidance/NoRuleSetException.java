package org.hccguidance.guidance;

/** No valid rule set is loaded, or the requested stored version does not exist. */
public class NoRuleSetException extends RuntimeException {

    private final boolean unknownVersion;

    public NoRuleSetException(String message, boolean unknownVersion) {
        super(message);
        this.unknownVersion = unknownVersion;
    }

    public boolean unknownVersion() {
        return unknownVersion;
    }
}
