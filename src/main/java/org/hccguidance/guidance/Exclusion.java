package org.hccguidance.guidance;

/** A rule's finding that an option must not be offered, and why. */
public record Exclusion(String code, String reason) {
}
