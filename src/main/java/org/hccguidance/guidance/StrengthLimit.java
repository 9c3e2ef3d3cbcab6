package org.hccguidance.guidance;

/** Caps how firmly an option may be offered, e.g. at CONSIDER in Child-Pugh B8-9. */
public record StrengthLimit(String code, Strength atMost, String reason) {
}
