package org.hccguidance.api;

import org.hccguidance.facts.FieldProblem;

import java.util.List;

/**
 * A request parameter or body field that is not acceptable, other than a patient field (those are
 * {@link org.hccguidance.guidance.InvalidPatientException}). Answered with 400 and the problems listed.
 * The message names fields only, as frameworks may log it.
 */
public class BadRequestException extends RuntimeException {

    private final List<FieldProblem> problems;

    public BadRequestException(String field, String problem) {
        super("invalid request field: " + field);
        this.problems = List.of(new FieldProblem(field, problem));
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
