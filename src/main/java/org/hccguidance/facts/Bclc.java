package org.hccguidance.facts;

/** The BCLC stage the guidance uses. */
public record Bclc(BclcStage stage) {
}
