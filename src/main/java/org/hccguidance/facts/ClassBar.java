package org.hccguidance.facts;

/**
 * A drug class this patient must not receive, and why. Rules derive bars from contraindications; the
 * safety checks then require that nothing recommended contains an agent of a barred class.
 */
public record ClassBar(DrugClass drugClass, String reason) {
}
