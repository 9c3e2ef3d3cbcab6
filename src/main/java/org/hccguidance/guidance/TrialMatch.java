package org.hccguidance.guidance;

import java.util.List;

/** A recruiting trial whose eligibility the patient meets, with the criteria checked and the agents it gives. */
public record TrialMatch(String id, String title, List<String> criteriaMet, List<String> interventions) {

    public TrialMatch {
        criteriaMet = List.copyOf(criteriaMet);
        interventions = interventions == null ? List.of() : List.copyOf(interventions);
    }
}
