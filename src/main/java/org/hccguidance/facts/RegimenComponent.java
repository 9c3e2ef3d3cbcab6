package org.hccguidance.facts;

/** One agent of a regimen and its drug class, as the regimen catalogue table states it. */
public record RegimenComponent(String regimen, String agent, DrugClass drugClass) {

    public boolean isCheckpoint() {
        return drugClass.isCheckpoint();
    }

    public boolean isPdOrPdl1() {
        return drugClass.isPdOrPdl1();
    }

    public boolean isVegfTargeting() {
        return drugClass.isVegfTargeting();
    }
}
