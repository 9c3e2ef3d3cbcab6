package org.hccguidance.facts;

/** What an immune-related adverse event means for a later checkpoint-inhibitor rechallenge. */
public enum RechallengeDecision {
    /** No rechallenge (with every checkpoint class, or with the causing class only when the row says so). */
    PERMANENT_DISCONTINUATION,
    /** Rechallenge once the event has resolved to grade 1 or less and steroids are tapered. */
    RECHALLENGE_AFTER_RESOLUTION,
    /** Rechallenge possible but the source advises weighing permanent discontinuation: specialist review first. */
    CAUTION
}
