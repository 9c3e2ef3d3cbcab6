package org.hccguidance.facts;

/**
 * One agent a trial gives, as the trial table writes it ({@code agent}) and by its canonical name
 * ({@code sameAs}, equal to {@code agent} when it has no other name).
 */
public record TrialAgent(String trialId, String agent, String sameAs) {

    /** "APATINIB (= RIVOCERANIB)", or the agent alone when it has no other name. */
    public String describe() {
        return agent.equals(sameAs) ? agent : agent + " (= " + sameAs + ")";
    }
}
