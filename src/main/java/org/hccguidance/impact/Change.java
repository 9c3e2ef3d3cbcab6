package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

/** One difference in one patient's guidance between the two rule sets. */
@Schema(description = "One difference in one patient's guidance between the two rule sets.")
public record Change(
        @Schema(description = "What changed.")
        ChangeKind kind,
        @Schema(description = "The option code, trial id, alert code or missing field it concerns; null for the setting "
                + "and derived facts.", nullable = true, example = "RAMUCIRUMAB")
        String subject,
        @Schema(description = "The value under the `from` rule set; null when the item was absent.", nullable = true,
                example = "STANDARD")
        String before,
        @Schema(description = "The value under the `to` rule set; null when the item is absent.", nullable = true,
                example = "CONSIDER")
        String after) {

    /** One line as a committee reads it, e.g. {@code RAMUCIRUMAB: strength STANDARD → CONSIDER}. */
    public String describe() {
        String head = (subject == null ? "" : subject + ": ") + kind.label();
        return switch (kind) {
            case RECOMMENDATION_ADDED, RECOMMENDATION_REMOVED, TRIAL_ADDED, TRIAL_REMOVED, ALERT_ADDED, ALERT_REMOVED,
                 MISSING_DATA_ADDED, MISSING_DATA_REMOVED, NOT_RECOMMENDED_REMOVED -> head;
            case NOT_RECOMMENDED_ADDED -> head + " (" + after + ")";
            default -> head + " " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after);
        };
    }

    /** The key changes are counted under in the summary: the same change for several patients counts once each. */
    String summaryKey() {
        return switch (kind) {
            // Free text differs patient by patient; the summary counts the kind of change, not each wording.
            // A rank moves whenever an option is added above it: one line per option, not per position.
            case RANK -> subject + ": rank changed";
            case RECOMMENDATION_TEXT, NOT_RECOMMENDED_REASON, TRIAL_WITHHELD, DERIVED, EVALUATION, NOT_RECOMMENDED_ADDED ->
                    (subject == null ? "" : subject + ": ") + kind.label();
            default -> describe();
        };
    }
}
