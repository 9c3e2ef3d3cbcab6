package org.hccguidance.guidance;

import java.util.List;

/** A recruiting trial whose eligibility the patient meets, with the criteria checked. */
public record TrialMatch(String id, String title, List<String> criteriaMet) {

    public TrialMatch {
        criteriaMet = List.copyOf(criteriaMet);
    }
}
