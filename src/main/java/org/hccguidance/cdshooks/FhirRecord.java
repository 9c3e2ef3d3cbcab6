package org.hccguidance.cdshooks;

import org.hl7.fhir.r4.model.AdverseEvent;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The patient's FHIR resources gathered from every prefetch value and FHIR query, by type. The same
 * resource sent under two prefetch keys counts once (by type and id).
 */
public record FhirRecord(Patient patient, List<Condition> conditions, List<Observation> observations,
                         List<MedicationRequest> medicationRequests, List<MedicationStatement> medicationStatements,
                         List<MedicationAdministration> medicationAdministrations, List<AdverseEvent> adverseEvents,
                         List<Procedure> procedures, Map<String, Medication> medications) {

    public static FhirRecord of(Collection<Resource> resources) {
        Map<String, Resource> unique = new LinkedHashMap<>();
        int anonymous = 0;
        for (Resource r : resources) {
            String key = r.getIdElement().hasIdPart() ? r.fhirType() + "/" + r.getIdElement().getIdPart()
                    : r.fhirType() + "#" + anonymous++;
            unique.putIfAbsent(key, r);
        }
        Patient patient = null;
        List<Condition> conditions = new ArrayList<>();
        List<Observation> observations = new ArrayList<>();
        List<MedicationRequest> requests = new ArrayList<>();
        List<MedicationStatement> statements = new ArrayList<>();
        List<MedicationAdministration> administrations = new ArrayList<>();
        List<AdverseEvent> events = new ArrayList<>();
        List<Procedure> procedures = new ArrayList<>();
        Map<String, Medication> medications = new HashMap<>();
        for (Resource r : unique.values()) {
            if (r instanceof Patient p && patient == null) {
                patient = p;
            } else if (r instanceof Condition c) {
                conditions.add(c);
            } else if (r instanceof Observation o) {
                observations.add(o);
            } else if (r instanceof MedicationRequest m) {
                requests.add(m);
            } else if (r instanceof MedicationStatement m) {
                statements.add(m);
            } else if (r instanceof MedicationAdministration m) {
                administrations.add(m);
            } else if (r instanceof AdverseEvent e) {
                events.add(e);
            } else if (r instanceof Procedure p) {
                procedures.add(p);
            } else if (r instanceof Medication m && m.getIdElement().hasIdPart()) {
                medications.put("Medication/" + m.getIdElement().getIdPart(), m);
            }
        }
        return new FhirRecord(patient, List.copyOf(conditions), List.copyOf(observations), List.copyOf(requests),
                List.copyOf(statements), List.copyOf(administrations), List.copyOf(events), List.copyOf(procedures),
                Map.copyOf(medications));
    }

    /** Patient data: toString gives the shape only. */
    @Override
    public String toString() {
        return "FhirRecord[" + conditions.size() + " conditions, " + observations.size() + " observations, "
                + (medicationRequests.size() + medicationStatements.size() + medicationAdministrations.size())
                + " medication records]";
    }
}
