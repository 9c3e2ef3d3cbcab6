package org.hccguidance.facts;

/** A risk that bars VEGF-targeting therapy, in words a clinician reads. */
public record AntiVegfContraindication(String risk) {
}
