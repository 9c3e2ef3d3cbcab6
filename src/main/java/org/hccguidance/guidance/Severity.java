package org.hccguidance.guidance;

/** How urgently a clinician must read an alert. */
public enum Severity { INFO, WARNING, CRITICAL }
