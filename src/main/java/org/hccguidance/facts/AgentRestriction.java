package org.hccguidance.facts;

/**
 * One agent's restriction for this patient, from a table row that cites its label: deferred at a
 * proteinuria level, not recommended above another, a caution in renal impairment or while breastfeeding.
 * {@code agent} is a catalogue agent code or, for a matched therapy that is not in the regimen catalogue,
 * the option code itself. Review rules apply it to every option and trial that gives the agent; the
 * safety checks hold recommendations and trials to the restrictions that bar ({@link RestrictionKind#isBar()}).
 */
public record AgentRestriction(String agent, RestrictionKind kind, String reason) {

    public boolean isBar() {
        return kind.isBar();
    }
}
