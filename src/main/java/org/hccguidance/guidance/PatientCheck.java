package org.hccguidance.guidance;

import org.hccguidance.facts.FieldProblem;

import org.hccguidance.engine.RuleSet;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PriorTherapy;

import java.util.ArrayList;
import java.util.List;

/** Checks a patient against what the rule set knows; the regimen codes are the rule set's to define. */
public final class PatientCheck {

    private PatientCheck() {
    }

    public static void requireKnownRegimens(PatientCase patient, RuleSet ruleSet) {
        List<FieldProblem> problems = new ArrayList<>();
        List<PriorTherapy> prior = patient.priorSystemicTherapies();
        for (int i = 0; i < prior.size(); i++) {
            String regimen = prior.get(i).regimen();
            if (regimen != null && !ruleSet.knownRegimens().contains(regimen)) {
                problems.add(new FieldProblem("priorSystemicTherapies[" + i + "].regimen",
                        "unknown regimen code '" + regimen + "'; the regimen catalogue knows " + ruleSet.knownRegimens().stream().sorted().toList()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidPatientException(problems);
        }
    }
}
