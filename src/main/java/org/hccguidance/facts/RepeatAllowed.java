package org.hccguidance.facts;

/**
 * A rule's explicit statement that an option may give again an agent the patient progressed on, and
 * why (continuing immunotherapy in oligoprogression; adding anti-CTLA-4 to the PD-(L)1 agent). Without
 * one, the safety checks withhold any option that repeats a progressed agent.
 */
public record RepeatAllowed(String code, String agent, String reason) {
}
