package org.hccguidance.guidance;

import org.hccguidance.facts.AdverseEvent;
import org.hccguidance.facts.AgentClass;
import org.hccguidance.facts.FieldProblem;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks a patient against what the rule set knows; the regimen and agent codes are the rule set's to
 * define (regimen catalogue and agent table), not the service's.
 */
public final class PatientCheck {

    private PatientCheck() {
    }

    /** Refuses unknown regimen codes and unknown attributed agents, naming every bad field. */
    public static void requireKnownCodes(PatientCase patient, RuleSet ruleSet) {
        List<FieldProblem> problems = new ArrayList<>();
        List<PriorTherapy> prior = patient.priorSystemicTherapies();
        for (int i = 0; i < prior.size(); i++) {
            String regimen = prior.get(i).regimen();
            if (regimen != null && !ruleSet.knownRegimens().contains(regimen)) {
                problems.add(new FieldProblem("priorSystemicTherapies[" + i + "].regimen",
                        "unknown regimen code '" + regimen + "'; the regimen catalogue knows " + ruleSet.knownRegimens().stream().sorted().toList()));
            }
        }
        Set<String> agents = new TreeSet<>();
        ruleSet.reference().agentClasses().stream().map(AgentClass::agent).forEach(agents::add);
        List<AdverseEvent> events = patient.adverseEvents();
        for (int i = 0; i < events.size(); i++) {
            String agent = events.get(i).attributedAgent();
            if (agent == null || agents.contains(agent)) {
                continue;
            }
            String canonical = ruleSet.reference().canonical(agent);
            problems.add(new FieldProblem("adverseEvents[" + i + "].attributedAgent", !canonical.equals(agent)
                    ? "'" + agent + "' is another name of " + canonical + "; send " + canonical
                    : "unknown agent code '" + agent + "'; the catalogue knows " + List.copyOf(agents)));
        }
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(problems);
        }
    }
}
