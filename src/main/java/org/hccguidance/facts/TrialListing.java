package org.hccguidance.facts;

import java.util.List;

/**
 * A trial from the trial table. Eligibility is held in coded form so the matching rules can check
 * it: the prior-therapy requirement code, the Child-Pugh ceiling (score), the ECOG ceiling and the
 * BCLC stages admitted (empty for any); and the agents it gives, as catalogue agent codes.
 */
public record TrialListing(
        String id,
        String title,
        String phase,
        int n,
        String arms,
        String endpoint,
        String eligibility,
        String status,
        java.time.LocalDate statusCheckedOn,
        String priorRequirement,
        int maxChildPughScore,
        boolean childPughBOnly,
        int maxEcog,
        String bclcStages,
        List<String> interventions) {

    public TrialListing {
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }

    public boolean recruiting() {
        return "RECRUITING".equalsIgnoreCase(status);
    }

    /** "any" (or blank) means the trial sets no BCLC requirement. */
    public boolean hasBclcRequirement() {
        return bclcStages != null && !bclcStages.isBlank() && !bclcStages.equalsIgnoreCase("any");
    }

    public boolean admitsBclc(BclcStage stage) {
        return !hasBclcRequirement()
                || (stage != null && java.util.Arrays.asList(bclcStages.split("[/ ,]+")).contains(stage.json()));
    }

    /**
     * Whether the patient's liver function is within the trial's Child-Pugh ceiling: a score at most the
     * table's maximum, exactly it when the trial admits only B7, or class A when only the class is known.
     */
    public boolean admitsChildPugh(ChildPugh cp) {
        if (childPughBOnly) {
            return cp.score() != null && cp.score() == maxChildPughScore;
        }
        if (cp.score() != null) {
            return cp.score() <= maxChildPughScore;
        }
        return cp.childPughClass() == ChildPughClass.A && maxChildPughScore >= 6;
    }
}
