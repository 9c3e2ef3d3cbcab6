package org.hccguidance.guidance;

/** A trial the patient meets the criteria of but that the rules do not offer, and why. */
public record TrialExclusion(String trialId, String reason) {
}
