package org.hccguidance.facts;

/** The Child-Pugh grade the guidance uses; {@code score} is null when only a class was given. */
public record ChildPugh(Integer score, ChildPughClass childPughClass) {

    public String describe() {
        return score == null ? "Child-Pugh " + childPughClass : "Child-Pugh " + childPughClass + score;
    }
}
