package org.hccguidance.facts;

/**
 * One drug class of one agent, by the agent's canonical name (an alias such as AK112 resolves to
 * IVONESCIMAB). An agent with two targets, such as a bispecific antibody, has two. Built from the
 * regimen catalogue and the agent table; what lets rules and safety checks ask what an agent is.
 */
public record AgentClass(String agent, DrugClass drugClass) {

    public boolean isCheckpoint() {
        return drugClass.isCheckpoint();
    }

    public boolean isVegfTargeting() {
        return drugClass.isVegfTargeting();
    }
}
