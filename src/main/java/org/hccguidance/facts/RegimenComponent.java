package org.hccguidance.facts;

/** One agent of a regimen and its drug class, as the regimen catalogue states it. */
public record RegimenComponent(String regimen, String agent, String drugClass) {
}
