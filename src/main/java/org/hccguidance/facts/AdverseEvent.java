package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "An adverse event on earlier therapy, graded by CTCAE.")
public record AdverseEvent(
        @Schema(description = "The event, as an upper-case term.", example = "HEPATITIS")
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{1,64}") String term,
        @Schema(description = "CTCAE grade, 1 (mild) to 5 (death).")
        @NotNull @Min(1) @Max(5) Integer grade,
        @Schema(description = "Whether it was an immune-related adverse event (irAE).")
        Boolean immuneRelated,
        @Schema(description = "Whether it has resolved (to grade 1 or less).")
        Boolean resolved,
        @Schema(description = "The agent the treating team attributed the event to, as a catalogue agent code "
                + "(e.g. BEVACIZUMAB); absent: not attributed.", example = "BEVACIZUMAB")
        @Pattern(regexp = "[A-Z0-9_]{1,64}") String attributedAgent,
        @Schema(description = "Whether the event caused symptoms (decides rechallenge after a grade 3 immune hepatitis).")
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
