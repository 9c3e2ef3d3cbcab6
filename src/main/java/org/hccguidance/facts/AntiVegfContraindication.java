package org.hccguidance.facts;

/**
 * A risk that bars VEGF-targeting therapy, in words a clinician reads. {@code reassess}, when given,
 * says what would lift the bar (treated varices): the options are then deferred rather than ruled out
 * for good, and the response says what would change the answer. Either way nothing VEGF-targeting is
 * recommended while the risk stands.
 */
public record AntiVegfContraindication(String risk, String reassess) {

    /** A bar that no treatment lifts. */
    public AntiVegfContraindication(String risk) {
        this(risk, null);
    }

    public boolean isDeferral() {
        return reassess != null;
    }
}
