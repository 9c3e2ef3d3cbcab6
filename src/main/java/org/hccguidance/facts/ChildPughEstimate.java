package org.hccguidance.facts;

/**
 * One view of the Child-Pugh grade: as given by the clinician ({@code source} "given class" or
 * "given score") or as computed from the labs ("computed from labs"). The rules keep the most
 * advanced one and warn when they disagree.
 */
public record ChildPughEstimate(String source, Integer score, ChildPughClass childPughClass) {

    /** Orders estimates by class first, then by score where one is known. */
    public int severity() {
        return childPughClass.ordinal() * 100 + (score == null ? 0 : score);
    }

    public String describe() {
        return score == null ? childPughClass.name() : childPughClass.name() + score;
    }
}
