package org.hccguidance.facts;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** The day the guidance is given, so that rules can tell how old reference data is. */
public record EvaluationDate(LocalDate date) {

    /** Whole months from {@code earlier} to this date. */
    public long monthsSince(LocalDate earlier) {
        return ChronoUnit.MONTHS.between(earlier, date);
    }
}
