package org.hccguidance.guidance;

import org.hccguidance.facts.FieldProblem;

import java.util.List;

/** A well-formed request that names things the active rule set does not know. */
public class InvalidPatientException extends RuntimeException {

    /** Field names the message lists at most, so that a hostile body cannot make a huge log line. */
    private static final int MESSAGE_FIELDS = 10;

    private final List<FieldProblem> problems;

    public InvalidPatientException(List<FieldProblem> problems) {
        // The message names fields only: frameworks log exception messages, and values may be patient data.
        super(problems.size() + " invalid field(s): " + problems.stream().limit(MESSAGE_FIELDS).map(FieldProblem::field).toList()
                + (problems.size() > MESSAGE_FIELDS ? " and " + (problems.size() - MESSAGE_FIELDS) + " more" : ""));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
