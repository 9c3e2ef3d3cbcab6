package org.hccguidance.guidance;

/** How firmly an option is offered; declared strongest first. */
public enum Strength { STANDARD, CONSIDER, INVESTIGATIONAL;

    public Strength weakest(Strength other) {
        return other == null || compareTo(other) >= 0 ? this : other;
    }

    public Strength strongest(Strength other) {
        return other == null || compareTo(other) <= 0 ? this : other;
    }
}
