package org.hccguidance.facts;

/**
 * The guideline pathway the patient is in, finer than the treatment setting: it says which
 * recommendation of the guideline applies (for example after atezolizumab plus bevacizumab, ASCO 2024
 * rec 2.1; after durvalumab plus tremelimumab, rec 2.2; after sorafenib, rec 2.3). The grades table
 * is keyed on it.
 */
public record GuidelinePathway(String code, String basis) {
}
