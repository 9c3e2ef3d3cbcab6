package org.hccguidance.guidance;

/** How strong the evidence behind an option is, in the guideline's words (ASCO methodology). */
public enum EvidenceQuality { HIGH, INTERMEDIATE, LOW, INSUFFICIENT }
