package org.hccguidance.facts;

/** Albumin-bilirubin score and grade (1-3). */
public record Albi(double score, int grade) {
}
