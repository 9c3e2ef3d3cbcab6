package org.hccguidance.facts;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * An adverse event on earlier therapy, graded by CTCAE (1-5).
 *
 * @param attributedAgent the agent the treating team attributed the event to, as a catalogue agent code
 *                        (checked against the live rule set's catalogue; absent: not attributed)
 * @param symptomatic     whether the event caused symptoms (decides rechallenge after a grade 3 immune hepatitis)
 */
public record AdverseEvent(
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}") String term,
        @NotNull @Min(1) @Max(5) Integer grade,
        Boolean immuneRelated,
        Boolean resolved,
        @Pattern(regexp = "[A-Z0-9_]{1,64}") String attributedAgent,
        Boolean symptomatic) {

    public AdverseEvent(String term, Integer grade, Boolean immuneRelated, Boolean resolved) {
        this(term, grade, immuneRelated, resolved, null, null);
    }

    /**
     * Whether the term names one of a '|'-separated list of words as whole words of the term, as the
     * adverse-event tables write them: "HEPATITIS" matches IMMUNE_HEPATITIS and HEPATITIS, not HEPATITISX;
     * "MYASTHENIA_GRAVIS" matches MYASTHENIA_GRAVIS_CRISIS. An empty list matches every term.
     */
    public boolean termIncludes(String words) {
        if (words == null || words.isBlank()) {
            return true;
        }
        if (term == null) {
            return false;
        }
        String padded = "_" + term + "_";
        for (String word : words.split("\\|")) {
            String w = word.trim();
            if (!w.isEmpty() && padded.contains("_" + w + "_")) {
                return true;
            }
        }
        return false;
    }
}
