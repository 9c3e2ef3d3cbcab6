package org.hccguidance.guidance;

/** What kind of action an option is. */
public enum Category { SYSTEMIC, LOCOREGIONAL, MOLECULAR_TARGETED, DIAGNOSTIC, SUPPORTIVE, PROCESS;

    /** Options that treat the cancer, as opposed to supporting, testing or deciding. */
    public boolean isActiveTherapy() {
        return this == SYSTEMIC || this == LOCOREGIONAL || this == MOLECULAR_TARGETED;
    }
}
