package org.hccguidance.facts;

/**
 * The rechallenge row of the immune-related adverse event table that applies to one event: the decision,
 * whether it concerns only the drug class the event was attributed to (anti-CTLA-4 toxicity allows PD-(L)1
 * monotherapy), the advice in words, and the source the row cites.
 */
public record IraeRechallenge(AdverseEvent event, RechallengeDecision decision, boolean causingClassOnly, String advice,
                              String source) {

    /** "grade 3 PNEUMONITIS" */
    public String describe() {
        return "grade " + event.grade() + " " + event.term();
    }

    /** "grade 3 PNEUMONITIS: permanent discontinuation (ASCO 2021)" */
    public String reason() {
        return describe() + ": " + advice + " (" + source + ")";
    }

    /** A decision that stops every checkpoint inhibitor. */
    public boolean isPermanentForAll() {
        return decision == RechallengeDecision.PERMANENT_DISCONTINUATION && !causingClassOnly;
    }

    /** A decision that allows rechallenge once the event has settled. */
    public boolean allowsRechallenge() {
        return decision != RechallengeDecision.PERMANENT_DISCONTINUATION;
    }
}
