package org.hccguidance.facts;

/**
 * A prior-therapy requirement of the trial table (for example {@code PROGRESSED_ON_ICI}) that the
 * patient's treatment history satisfies, with the words that say so.
 */
public record PriorRequirementMet(String code, String text) {
}
