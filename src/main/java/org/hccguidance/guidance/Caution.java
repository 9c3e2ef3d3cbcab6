package org.hccguidance.guidance;

/** Something a clinician must weigh before giving an option. */
public record Caution(String code, String text) {
}
