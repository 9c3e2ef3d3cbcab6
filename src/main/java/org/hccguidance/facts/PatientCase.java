package org.hccguidance.facts;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "One patient. Only `ecog` and `liver` are required; every other field may be left out, and "
        + "left out means unknown, never false or normal. Unknown fields are refused.")
public record PatientCase(
        @Schema(description = "The caller's own reference for this patient, echoed in the answer and stored nowhere. "
                + "Not a medical record number: use an opaque identifier.", example = "ward-7-case-12")
        @Size(max = 128) String patientRef,
        @Schema(description = "Age in years.")
        @Min(0) @Max(130) Integer ageYears,
        @Schema(description = "ECOG performance status, 0 (fully active) to 4 (completely disabled).")
        @NotNull @Min(0) @Max(4) Integer ecog,
        @Schema(description = "BCLC stage as the clinician staged it: `0` (very early), `A` (early), `B` (intermediate), "
                + "`C` (advanced), `D` (terminal). Left out, the rules estimate it and say so.")
        BclcStage bclcStage,
        @Schema(description = "Liver function: the Child-Pugh class or score, and/or the components it is graded from.")
        @NotNull @Valid Liver liver,
        @Schema(description = "Tumour burden and serum AFP.")
        @Valid Tumour tumour,
        @Schema(description = "Every earlier line of systemic therapy, at most 20; empty or left out means none.")
        @Size(max = 20) List<@NotNull @Valid PriorTherapy> priorSystemicTherapies,
        @Schema(description = "How the disease progressed on the last line.")
        @Valid Progression progression,
        @Schema(description = "Adverse events on earlier therapy, at most 50.")
        @Size(max = 50) List<@NotNull @Valid AdverseEvent> adverseEvents,
        @Schema(description = "Comorbid risks that bar anti-VEGF therapy or immunotherapy; each left out is unknown.")
        @Valid Risks risks,
        @Schema(description = "Tumour genomic profiling.")
        @Valid MolecularProfile molecularProfile,
        @Schema(description = "Viral hepatitis status (hepatitis B serology, HBV DNA, antiviral therapy, HCV RNA); "
                + "absent: unknown, and the answer asks for it before systemic therapy.")
        @Valid Hepatitis hepatitis,
        @Schema(description = "Laboratory values that shape the options (platelets, eGFR, urine protein), each in the "
                + "unit its name gives.")
        @Valid Labs labs,
        @Schema(description = "Current corticosteroid dose in mg of prednisone equivalent per day (0-2000); "
                + "a checkpoint-inhibitor rechallenge waits until it is at most the threshold table's limit.", minimum = "0")
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
