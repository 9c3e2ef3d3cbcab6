package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

/** What kind of difference one rule set's answer shows against the other's, for one patient. */
@Schema(description = "Kind of difference: a recommendation added or removed, its strength, rank, grade or text "
        + "(rationale, cautions, evidence) changed; an option newly ruled out, no longer ruled out or ruled out for other "
        + "reasons; a trial added, removed or withheld differently; an alert or missing-data item added or removed; the "
        + "treatment setting or derived facts changed; or the patient could not be evaluated on one side.")
public enum ChangeKind {
    SETTING("treatment setting"),
    DERIVED("derived facts"),
    RECOMMENDATION_ADDED("now recommended"),
    RECOMMENDATION_REMOVED("no longer recommended"),
    STRENGTH("strength"),
    RANK("rank"),
    GRADE("grade"),
    RECOMMENDATION_TEXT("rationale, cautions or evidence"),
    NOT_RECOMMENDED_ADDED("now not recommended"),
    NOT_RECOMMENDED_REMOVED("no longer not recommended"),
    NOT_RECOMMENDED_REASON("reason not recommended"),
    TRIAL_ADDED("trial now offered"),
    TRIAL_REMOVED("trial no longer offered"),
    TRIAL_WITHHELD("trial withheld differently"),
    ALERT_ADDED("alert added"),
    ALERT_REMOVED("alert removed"),
    MISSING_DATA_ADDED("missing data added"),
    MISSING_DATA_REMOVED("missing data removed"),
    EVALUATION("evaluation outcome");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** How the kind reads in a report line. */
    public String label() {
        return label;
    }
}
