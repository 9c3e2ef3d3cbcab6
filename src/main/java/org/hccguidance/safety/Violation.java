package org.hccguidance.safety;

import java.util.List;

/**
 * One broken invariant: which item ({@code code}: an option code or a trial id; {@code kind}: which list
 * it is in), what is wrong in words, and the rules behind the item. The detail may name the patient's
 * condition (it is shown to the clinician) and is never logged.
 */
public record Violation(Invariant invariant, Kind kind, String code, String detail, List<String> rules) {

    public enum Kind { RECOMMENDATION, TRIAL, EXCLUSION, RANKS }

    public Violation {
        rules = List.copyOf(rules);
    }
}
