package org.hccguidance.guidance;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/** One study backing an option, from the evidence catalogue. Null figures were not reported. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record EvidenceItem(
        @JsonIgnore String code,
        String source,
        Integer year,
        String design,
        Integer n,
        Double mPfsMonths,
        Double mOsMonths,
        Double orrPct,
        Double dcrPct,
        Double grade34TraePct,
        Double hr,
        String reference,
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
