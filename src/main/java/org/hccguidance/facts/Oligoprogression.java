package org.hccguidance.facts;

/** Limited progression with the rest of the disease controlled. */
public record Oligoprogression(int lesions, double threshold) {
}
