package org.hccguidance.engine;

import java.util.List;

/** A candidate rule set did not compile or broke policy; nothing of it is used. */
public class RuleSetRefusedException extends RuntimeException {

    private final String version;
    private final List<BuildError> errors;

    public RuleSetRefusedException(String version, List<BuildError> errors) {
        super("rule set " + version + " refused with " + errors.size() + " error(s):\n  "
                + String.join("\n  ", errors.stream().map(BuildError::toString).toList()));
        this.version = version;
        this.errors = List.copyOf(errors);
    }

    public String version() {
        return version;
    }

    public List<BuildError> errors() {
        return errors;
    }
}
