package org.hccguidance.facts;

/** Barcelona Clinic Liver Cancer stage; declared in order of advancement. */
public enum BclcStage { STAGE_0, A, B, C, D;

    @com.fasterxml.jackson.annotation.JsonCreator
    public static BclcStage fromJson(String value) {
        if ("0".equals(value)) {
            return STAGE_0;
        }
        return BclcStage.valueOf(value);
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String json() {
        return this == STAGE_0 ? "0" : name();
    }
}
