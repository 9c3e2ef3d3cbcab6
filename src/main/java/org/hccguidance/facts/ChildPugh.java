package org.hccguidance.facts;

/** The Child-Pugh grade the guidance uses; {@code score} is null when only a class was given. */
public record ChildPugh(Integer score, ChildPughClass childPughClass) {

    /**
     * Whether liver function is within a Child-Pugh score ceiling: the score when known, else the class,
     * where class A (scores 5 and 6 by definition) is within any ceiling of 6 or more.
     */
    public boolean withinScore(int max) {
        if (score != null) {
            return score <= max;
        }
        return childPughClass == ChildPughClass.A && max >= 6;
    }

    public String describe() {
        return score == null ? "Child-Pugh " + childPughClass : "Child-Pugh " + childPughClass + score;
    }
}
