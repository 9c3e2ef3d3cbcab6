package org.hccguidance.facts;

import java.util.List;

/**
 * A trial from the trial table, as the registry lists it: what it studies, its eligibility as published
 * (for the reader), its recruitment status and when that was checked, and the agents it gives, as
 * catalogue agent codes. Who is eligible is decided by the trial eligibility decision table
 * ({@code rules/trials/trial-eligibility.drl.csv}), one row per trial.
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
        List<String> interventions) {

    public TrialListing {
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }

    public boolean recruiting() {
        return "RECRUITING".equalsIgnoreCase(status);
    }
}
