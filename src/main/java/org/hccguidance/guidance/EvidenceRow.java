package org.hccguidance.guidance;

/**
 * One row of the evidence catalogue: a study attached to an option in one treatment pathway
 * ({@code FIRST_LINE}, {@code AFTER_IO}, {@code AFTER_MKI}) or in every pathway ({@code ANY}). Rows are
 * reference data, read from the evidence table once per rule set and looked up when a response is
 * assembled, so they cost nothing per evaluation. {@code name} is the row's name in the table.
 */
public record EvidenceRow(String name, String code, String pathway, EvidenceItem item) {

    public static final String ANY_PATHWAY = "ANY";

    public EvidenceRow {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("evidence row needs an option code");
        }
        if (pathway == null || pathway.isBlank()) {
            throw new IllegalArgumentException("evidence row for " + code + " needs a pathway (FIRST_LINE, AFTER_IO, AFTER_MKI or ANY)");
        }
    }

    /** Builds a row from the table's cells; see {@link EvidenceItem#of} for how figures are read. */
    public static EvidenceRow of(String name, String code, String pathway, String source, String year, String design, String n,
                                 String mPfs, String mOs, String orr, String dcr, String grade34Trae, String hr,
                                 String note, String reference) {
        String c = code.trim();
        return new EvidenceRow(name, c, pathway.trim(), EvidenceItem.of(c, source, year, design, n, mPfs, mOs, orr, dcr,
                grade34Trae, hr, note, reference));
    }

    public boolean appliesIn(String pathway) {
        return ANY_PATHWAY.equals(this.pathway) || this.pathway.equals(pathway);
    }
}
