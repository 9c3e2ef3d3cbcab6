package org.hccguidance.facts;

/**
 * The treatment setting the rules derived, with the facts it rests on. {@code afterImmunotherapy}
 * is true when any earlier line held an immune checkpoint inhibitor.
 */
public record Setting(TreatmentSetting value, String basis, boolean afterImmunotherapy) {

    public boolean isFirstLine() {
        return value == TreatmentSetting.FIRST_LINE;
    }

    /** The branch of guidance that applies: FIRST_LINE, AFTER_IO or AFTER_MKI. */
    public String getPathway() {
        if (isFirstLine()) {
            return "FIRST_LINE";
        }
        return afterImmunotherapy ? "AFTER_IO" : "AFTER_MKI";
    }
}
