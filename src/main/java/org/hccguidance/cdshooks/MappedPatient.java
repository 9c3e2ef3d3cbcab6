package org.hccguidance.cdshooks;

import org.hccguidance.facts.PatientCase;

import java.util.List;

/**
 * What the FHIR mapping made of one patient's record.
 *
 * @param hcc      whether the record has an active HCC diagnosis; without one the services stay silent
 * @param patient  the patient as the guidance takes it, or null when a blocker prevents evaluation
 * @param blockers why the guidance cannot be evaluated (no ECOG, a prior line whose outcome is not coded)
 * @param missing  fields that are unknown, each with what would settle it
 * @param readings the values read, for the clinician to check (shown in the card detail)
 */
public record MappedPatient(boolean hcc, PatientCase patient, List<Note> blockers, List<Note> missing,
                            List<Reading> readings) {

    /**
     * A field and what to do about it.
     *
     * @param relevantTo {@code VEGF}, {@code CHECKPOINT} or null: list only when an offered option has such an agent
     */
    public record Note(String field, String why, String relevantTo) {
    }

    /** A value read from the record, as shown to the clinician. */
    public record Reading(String field, String value, String date) {
    }

    public boolean evaluable() {
        return patient != null;
    }

    @Override
    public String toString() {
        return "MappedPatient[hcc=" + hcc + ", evaluable=" + evaluable() + ", " + missing.size() + " missing]";
    }
}
