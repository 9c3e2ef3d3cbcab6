package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hccguidance.facts.PatientCase;

/**
 * One committee scenario: a patient exactly as {@code POST /api/v1/guidance} takes it, and what the
 * guidance must and must not say about them.
 */
public record Scenario(String id, String title, String source, PatientCase patient, Expectations expect,
                       @JsonIgnore String file) {

    public Scenario withFile(String path) {
        return new Scenario(id, title, source, patient, expect, path);
    }
}
