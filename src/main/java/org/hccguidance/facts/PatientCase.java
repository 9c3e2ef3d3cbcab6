package org.hccguidance.facts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/**
 * One patient, exactly as a caller sends it. Every field but {@code ecog} and {@code liver} may be
 * absent, and absent means unknown, never false. {@code hepatitis} (HBV and HCV markers), {@code labs}
 * (platelets, eGFR, urine protein) and {@code currentSteroidMgPrednisone} (daily prednisone-equivalent dose)
 * are the patient-safety inputs read by the hepatitis, label and rechallenge rules (docs/clinical-logic.md,
 * section 13).
 */
public record PatientCase(
        @Size(max = 128) String patientRef,
        @Min(0) @Max(130) Integer ageYears,
        @NotNull @Min(0) @Max(4) Integer ecog,
        BclcStage bclcStage,
        @NotNull @Valid Liver liver,
        @Valid Tumour tumour,
        @Size(max = 20) List<@NotNull @Valid PriorTherapy> priorSystemicTherapies,
        @Valid Progression progression,
        @Size(max = 50) List<@NotNull @Valid AdverseEvent> adverseEvents,
        @Valid Risks risks,
        @Valid MolecularProfile molecularProfile,
        @Valid Hepatitis hepatitis,
        @Valid Labs labs,
        @PositiveOrZero @DecimalMax("2000") Double currentSteroidMgPrednisone) {

    public PatientCase {
        priorSystemicTherapies = priorSystemicTherapies == null ? List.of() : List.copyOf(priorSystemicTherapies);
        adverseEvents = adverseEvents == null ? List.of() : List.copyOf(adverseEvents);
    }

    /** A patient described without the viral, laboratory and steroid inputs (all unknown). */
    public PatientCase(String patientRef, Integer ageYears, Integer ecog, BclcStage bclcStage, Liver liver, Tumour tumour,
                       List<PriorTherapy> priorSystemicTherapies, Progression progression, List<AdverseEvent> adverseEvents,
                       Risks risks, MolecularProfile molecularProfile) {
        this(patientRef, ageYears, ecog, bclcStage, liver, tumour, priorSystemicTherapies, progression, adverseEvents, risks,
                molecularProfile, null, null, null);
    }

    /** The same patient without the caller's identifier, for anything that is stored or shown. */
    public PatientCase withoutRef() {
        return new PatientCase(null, ageYears, ecog, bclcStage, liver, tumour, priorSystemicTherapies,
                progression, adverseEvents, risks, molecularProfile, hepatitis, labs, currentSteroidMgPrednisone);
    }

    /** Patient data never reaches a log line through toString. */
    @Override
    public String toString() {
        return "PatientCase[redacted]";
    }

    /** Upper bound used for lab values that no living patient exceeds; guards against unit mix-ups. */
    static final String LAB_CEILING = "1000";
}
