package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

/** What kind of difference one rule set's answer shows against the other's, for one patient. */
@Schema(description = "Kind of difference: `SETTING` (treatment setting), `DERIVED` (derived facts), "
        + "`RECOMMENDATION_ADDED`, `RECOMMENDATION_REMOVED`, `STRENGTH`, `RANK`, `GRADE`, `RECOMMENDATION_TEXT` (rationale, "
        + "cautions, evidence or title), `NOT_RECOMMENDED_ADDED`, `NOT_RECOMMENDED_REMOVED`, `NOT_RECOMMENDED_REASON`, "
        + "`TRIAL_ADDED`, `TRIAL_REMOVED`, `TRIAL_WITHHELD` (withheld for other reasons), `ALERT_ADDED`, `ALERT_REMOVED`, "
        + "`MISSING_DATA_ADDED`, `MISSING_DATA_REMOVED`, `EVALUATION` (the patient could not be evaluated on one side).")
public enum ChangeKind {
    // Declared in the order a committee reads them: what the patient is offered first, wording last.
    EVALUATION("evaluation outcome"),
    SETTING("treatment setting"),
    RECOMMENDATION_ADDED("now recommended"),
    RECOMMENDATION_REMOVED("no longer recommended"),
    STRENGTH("strength"),
    NOT_RECOMMENDED_ADDED("now not recommended"),
    NOT_RECOMMENDED_REMOVED("no longer not recommended"),
    TRIAL_ADDED("trial now offered"),
    TRIAL_REMOVED("trial no longer offered"),
    ALERT_ADDED("alert added"),
    ALERT_REMOVED("alert removed"),
    MISSING_DATA_ADDED("missing data added"),
    MISSING_DATA_REMOVED("missing data removed"),
    RANK("rank"),
    GRADE("grade"),
    DERIVED("derived facts"),
    RECOMMENDATION_TEXT("rationale, cautions or evidence"),
    NOT_RECOMMENDED_REASON("reason not recommended"),
    TRIAL_WITHHELD("trial withheld differently");

    private final String label;

    ChangeKind(String label) {
        this.label = label;
    }

    /** How the kind reads in a report line. */
    public String label() {
        return label;
    }
}
