package org.hccguidance.facts;

/** One view of the BCLC stage: as given, or as implied by the other facts. */
public record BclcEstimate(String source, BclcStage stage) {
}
