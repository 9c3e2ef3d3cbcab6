package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A matching trial that must be withheld (listed under trialsNotOffered); optionally with a reason fragment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrialNotOfferedExpectation(String id, String reasonContains) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public TrialNotOfferedExpectation(@JsonProperty(value = "id", required = true) String id,
                                      @JsonProperty("reasonContains") String reasonContains) {
        this.id = id;
        this.reasonContains = reasonContains;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static TrialNotOfferedExpectation of(String id) {
        return new TrialNotOfferedExpectation(id, null);
    }
}
