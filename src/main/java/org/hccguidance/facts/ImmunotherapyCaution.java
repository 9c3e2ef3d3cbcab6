package org.hccguidance.facts;

/** A reason to offer immune checkpoint inhibitors only with caution (e.g. a resolved grade 2-3 irAE). */
public record ImmunotherapyCaution(String reason) {
}
