package org.hccguidance.facts;

/** A reason that bars immune checkpoint inhibitors, in words a clinician reads. */
public record ImmunotherapyContraindication(String reason) {
}
