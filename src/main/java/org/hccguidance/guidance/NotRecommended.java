package org.hccguidance.guidance;

import java.util.List;

/** An option the rules ruled out, with every reason they found. */
public record NotRecommended(String code, String reason, List<String> firedBy) {
}
