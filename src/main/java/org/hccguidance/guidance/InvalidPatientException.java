package org.hccguidance.guidance;

import java.util.List;

/** A well-formed request that names things the active rule set does not know. */
public class InvalidPatientException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidPatientException(List<FieldProblem> problems) {
        super(problems.size() + " invalid field(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
