package org.hccguidance.guidance;

/** A fact the rules needed and did not have. */
public record MissingData(String field, String why) {
}
