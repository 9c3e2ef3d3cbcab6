package org.hccguidance.facts;

/** A named cut-off from the thresholds table. */
public record Threshold(String name, double value) {
}
