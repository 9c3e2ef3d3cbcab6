package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hccguidance.facts.PatientCase;

/**
 * One committee scenario: a patient exactly as {@code POST /api/v1/guidance} takes it, and what the
 * guidance must and must not say about them.
 */
public record Scenario(
        @Schema(description = "Unique id: lower-case letters, digits, '/', '_', '-', '.'; by convention the file's path "
                + "under scenarios/ without .yaml.")
        String id,
        @Schema(description = "What the case shows, in a sentence.")
        String title,
        @Schema(description = "Where the expectation comes from: review section or table, knowledge-base point, or "
                + "'committee decision'.")
        String source,
        @Schema(description = "The patient, exactly as the body of POST /api/v1/guidance.")
        PatientCase patient,
        @Schema(description = "What the guidance must and must not say; each key is optional, and omitted means not checked.")
        Expectations expect,
        @JsonIgnore String file) {

    public Scenario withFile(String path) {
        return new Scenario(id, title, source, patient, expect, path);
    }
}
