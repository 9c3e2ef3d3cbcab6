package org.hccguidance.guidance;

/** A message the clinician must see, whatever the options are. */
public record Alert(Severity severity, String code, String message) {
}
