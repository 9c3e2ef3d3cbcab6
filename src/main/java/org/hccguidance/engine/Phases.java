package org.hccguidance.engine;

import java.util.List;

/**
 * The clinical phases an evaluation runs through, in order. Each rule belongs to exactly one, named by
 * the {@code ruleflow-group} at the top of its file (or the RULEFLOW-GROUP column of a decision table),
 * Drools 10's spelling of an agenda group; the engine gives each phase the focus in turn, so a rule sees every fact the earlier phases concluded and
 * none that later phases will. The order is structure, not clinical content: see rules/README.md.
 */
public final class Phases {

    /** Phase names in evaluation order. */
    public static final List<String> ORDER = List.of(
            "derive",            // Child-Pugh, ALBI, BCLC from the patient's data
            "setting",           // first line, after immunotherapy, after an MKI, later line
            "fitness",           // fitness for active therapy
            "contraindications", // bars and cautions from risks and adverse events
            "options",           // the options each setting offers
            "trials",            // trial eligibility
            "review",            // limits and exclusions applied to every option
            "closing");          // what depends on the final list: supportive care fall-back, MDT

    private Phases() {
    }

    public static boolean isPhase(String agendaGroup) {
        return agendaGroup != null && ORDER.contains(agendaGroup);
    }
}
