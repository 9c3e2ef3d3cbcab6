package org.hccguidance.facts;

/** The fitness level the rules derived, with the facts behind it. */
public record Fitness(FitnessLevel level, String reason) {
}
