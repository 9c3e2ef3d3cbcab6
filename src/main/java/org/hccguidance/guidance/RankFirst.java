package org.hccguidance.guidance;

/**
 * A rule's statement that an option is listed before the others whatever its strength, and why
 * (oligoprogression: treat the progressing lesions first, review section 6).
 */
public record RankFirst(String code, String reason) {
}
