package org.hccguidance.guidance;

import org.hccguidance.facts.FieldProblem;

import java.util.List;

/** A well-formed request that names things the active rule set does not know. */
public class InvalidPatientException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidPatientException(List<FieldProblem> problems) {
        // The message names fields only: frameworks log exception messages, and values may be patient data.
        super(problems.size() + " invalid field(s): " + problems.stream().map(FieldProblem::field).toList());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
