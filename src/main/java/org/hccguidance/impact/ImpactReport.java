package org.hccguidance.impact;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What changing from one rule set to another does to the guidance of a cohort. */
@Schema(description = "What changing from one rule set to another does to the guidance of a cohort.")
public record ImpactReport(
        @Schema(description = "The rule set compared from: its content hash.", pattern = "^sha256:[0-9a-f]{64}$")
        String fromVersion,
        @Schema(description = "How the `from` rule set was named in the request, e.g. `live` or a folder.", example = "live")
        String fromLabel,
        @Schema(description = "The rule set compared to: its content hash.", pattern = "^sha256:[0-9a-f]{64}$")
        String toVersion,
        @Schema(description = "How the `to` rule set was named in the request.", example = "refused")
        String toLabel,
        @Schema(description = "When the comparison ran (UTC).")
        Instant comparedAt,
        @Schema(description = "Patients compared, by source (`SCENARIO`, `FILE`, `GENERATED`).")
        Map<CohortPatient.Source, Integer> cohort,
        @Schema(description = "How many patients' guidance differs in any way.", minimum = "0")
        int patientsChanged,
        @Schema(description = "How many patients were compared.", minimum = "0")
        int patientsCompared,
        @Schema(description = "Each kind of change with the number of patients it happened to, in the order a committee reads them (recommendations, strengths and exclusions before ranks and wording), most frequent first within a kind.")
        List<CodeSummary> summary,
        @Schema(description = "Every patient whose guidance differs, with each difference; unchanged patients are left out.")
        List<PatientImpact> patients) {

    public ImpactReport {
        cohort = Map.copyOf(cohort);
        summary = List.copyOf(summary);
        patients = List.copyOf(patients);
    }

    /** The changed patients that show a change of the given subject (an option code, trial id, ...). */
    public List<String> patientsWithChangeTo(String subject) {
        return patients.stream().filter(p -> p.changes().stream().anyMatch(c -> subject.equals(c.subject())))
                .map(PatientImpact::patient).toList();
    }
}
