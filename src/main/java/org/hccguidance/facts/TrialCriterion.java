package org.hccguidance.facts;

/** One eligibility criterion of a trial that the patient meets; kind is prior, liver, ecog or bclc. */
public record TrialCriterion(String trialId, String kind, String text) {
}
