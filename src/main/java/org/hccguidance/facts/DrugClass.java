package org.hccguidance.facts;

/**
 * The drug class of one agent in the regimen catalogue. Typed, so that a rule naming a class that does
 * not exist fails the build with file and line instead of silently never matching.
 */
public enum DrugClass {
    ANTI_PD1,
    ANTI_PDL1,
    ANTI_CTLA4,
    ANTI_VEGF_ANTIBODY,
    VEGFR_MKI,
    /** An A3 adenosine receptor agonist (namodenoson): neither a checkpoint inhibitor nor VEGF-targeting. */
    A3_ADENOSINE_AGONIST;

    /** An immune checkpoint inhibitor: PD-1, PD-L1 or CTLA-4 blockade. */
    public boolean isCheckpoint() {
        return this == ANTI_PD1 || this == ANTI_PDL1 || this == ANTI_CTLA4;
    }

    /** PD-1 or PD-L1 blockade (the backbone that anti-CTLA-4 is added to). */
    public boolean isPdOrPdl1() {
        return this == ANTI_PD1 || this == ANTI_PDL1;
    }

    /** Targets VEGF signalling: an anti-VEGF antibody or a VEGFR multikinase inhibitor. */
    public boolean isVegfTargeting() {
        return this == ANTI_VEGF_ANTIBODY || this == VEGFR_MKI;
    }
}
