package org.hccguidance.facts;

import java.util.Arrays;

/**
 * The patient may be considered for a trial (not for supportive care only), at the BCLC stage the trial
 * criteria read ({@code null} when no stage is known). The trial eligibility table checks and states each
 * trial's stage criterion against it, so that a trial without a stage requirement matches whether or not
 * the stage is known.
 */
public record TrialCandidate(BclcStage stage) {

    /** The table's word for a trial that sets no BCLC requirement. */
    public static final String ANY_STAGE = "any";

    /** Whether a trial admitting these stages (for example "B/C", or "any") admits this patient. */
    public boolean admitsStages(String stages) {
        return noStageRequirement(stages) || (stage != null && Arrays.asList(stages.split("[/ ,]+")).contains(stage.json()));
    }

    /** The stage criterion as the trial listing states it. */
    public String stageCriterion(String stages) {
        if (noStageRequirement(stages)) {
            return stage == null ? "no BCLC stage requirement" : "BCLC " + stage.json() + " (no stage requirement)";
        }
        return "BCLC " + (stage == null ? "unknown" : stage.json()) + " (trial admits " + stages + ")";
    }

    private static boolean noStageRequirement(String stages) {
        return stages == null || stages.isBlank() || stages.trim().equalsIgnoreCase(ANY_STAGE);
    }
}
