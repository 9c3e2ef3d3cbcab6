package org.hccguidance.facts;

import java.util.ArrayList;
import java.util.List;

/** Splits a patient into the separate facts the rules match on. */
public final class PatientFacts {

    private PatientFacts() {
    }

    public static List<Object> of(PatientCase patient) {
        List<Object> facts = new ArrayList<>();
        facts.add(patient);
        facts.add(patient.liver());
        addIfPresent(facts, patient.tumour());
        facts.addAll(patient.priorSystemicTherapies());
        addIfPresent(facts, patient.progression());
        facts.addAll(patient.adverseEvents());
        addIfPresent(facts, patient.risks());
        addIfPresent(facts, patient.hepatitis());
        addIfPresent(facts, patient.labs());
        if (patient.molecularProfile() != null) {
            facts.add(patient.molecularProfile());
            facts.addAll(patient.molecularProfile().alterations());
        }
        return facts;
    }

    private static void addIfPresent(List<Object> facts, Object fact) {
        if (fact != null) {
            facts.add(fact);
        }
    }
}
