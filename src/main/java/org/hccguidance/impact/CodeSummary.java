package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One kind of change and the patients it happened to, e.g. "LOCOREGIONAL_THERAPY: strength STANDARD → CONSIDER". */
@Schema(description = "One kind of change and how many patients it happened to.")
public record CodeSummary(
        @Schema(description = "What kind of change it is.")
        ChangeKind kind,
        @Schema(description = "The option code, trial id, alert code or field; null for the setting and derived facts.",
                nullable = true, example = "RAMUCIRUMAB")
        String subject,
        @Schema(description = "The change as a committee reads it.", example = "RAMUCIRUMAB: no longer recommended")
        String change,
        @Schema(description = "How many patients of the cohort show it.", minimum = "1")
        int patientCount,
        @Schema(description = "Which patients (at most 50 are listed).")
        List<String> patients) {

    public CodeSummary {
        patients = List.copyOf(patients);
    }
}
