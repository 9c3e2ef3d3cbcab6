package org.hccguidance.facts;

/** One thing wrong with a request: the JSON path of the field and what is wrong with it. */
public record FieldProblem(String field, String message) {
}
