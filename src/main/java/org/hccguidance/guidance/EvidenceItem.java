package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One study backing an option, from the evidence catalogue. Null figures were not reported. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(description = "One study backing an option, from the evidence catalogue. A null figure was not reported "
        + "(or, for medians, not reached).")
public record EvidenceItem(
        @JsonIgnore String code,
        @Schema(description = "Study or trial name.", nullable = true)
        String source,
        @Schema(description = "Year of publication.", nullable = true)
        Integer year,
        @Schema(description = "Study design, e.g. phase 3 randomised or retrospective cohort.", nullable = true)
        String design,
        @Schema(description = "Number of patients (a count).", nullable = true)
        Integer n,
        @Schema(description = "Median progression-free survival in months.", nullable = true)
        Double mPfsMonths,
        @Schema(description = "Median overall survival in months.", nullable = true)
        Double mOsMonths,
        @Schema(description = "Objective response rate in percent (%).", nullable = true)
        Double orrPct,
        @Schema(description = "Disease control rate in percent (%).", nullable = true)
        Double dcrPct,
        @Schema(description = "Grade 3-4 treatment-related adverse events in percent (%) of patients.", nullable = true)
        Double grade34TraePct,
        @Schema(description = "Hazard ratio as the study reported it (a ratio, no unit).", nullable = true)
        Double hr,
        @Schema(description = "Reference number in the clinical review, e.g. `[46]`.", nullable = true)
        String reference,
        @Schema(description = "Notes on the figures (subgroup, population).", nullable = true)
        String note) {

    /**
     * Builds an item from decision-table cells, where a committee writes figures as the review prints
     * them: "–" or "-" for not reported, "Not reached", and a trailing "*" for a subgroup figure.
     */
    public static EvidenceItem of(String code, String source, String year, String design, String n, String mPfs,
                                  String mOs, String orr, String dcr, String grade34Trae, String hr, String note,
                                  String reference) {
        return new EvidenceItem(code, text(source), integer(year), text(design), integer(n), decimal(mPfs),
                decimal(mOs), decimal(orr), decimal(dcr), decimal(grade34Trae), decimal(hr), text(reference), text(note));
    }

    private static String text(String cell) {
        return notReported(cell) ? null : cell.trim();
    }

    private static Integer integer(String cell) {
        Double d = decimal(cell);
        return d == null ? null : (int) Math.round(d);
    }

    private static Double decimal(String cell) {
        if (notReported(cell)) {
            return null;
        }
        String v = cell.trim().replace("*", "");
        if (v.equalsIgnoreCase("not reached") || v.equalsIgnoreCase("NR")) {
            return null;
        }
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("evidence cell '" + cell + "' is not a number, '-' or 'Not reached'", e);
        }
    }

    private static boolean notReported(String cell) {
        return cell == null || cell.isBlank() || cell.trim().equals("-") || cell.trim().equals("\u2013");
    }
}
