package org.hccguidance.facts;

/** Where the patient stands in the sequence of systemic therapy. */
public enum TreatmentSetting { FIRST_LINE, POST_IO_PROGRESSION, POST_IO_INTOLERANCE, POST_MKI, LATER_LINE }
