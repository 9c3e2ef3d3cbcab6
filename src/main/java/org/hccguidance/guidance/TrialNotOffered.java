package org.hccguidance.guidance;

import java.util.List;

/** A matching trial withheld from the patient: every reason, and the rules that gave them. */
public record TrialNotOffered(String id, String reason, List<String> firedBy) {

    public TrialNotOffered {
        firedBy = List.copyOf(firedBy);
    }
}
