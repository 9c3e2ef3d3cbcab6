package org.hccguidance.impact;

/** A cohort that cannot be built: a patient file that cannot be read, or a count out of range. */
public class CohortException extends RuntimeException {

    private final String field;

    public CohortException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The request field or file the problem is in. */
    public String field() {
        return field;
    }
}
