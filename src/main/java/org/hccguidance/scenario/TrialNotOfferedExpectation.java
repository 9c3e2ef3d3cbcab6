package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/** A matching trial that must be withheld (listed under trialsNotOffered); optionally with a reason fragment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "A trial that must be withheld (trialsNotOffered): its id alone, or with a fragment of the reason.")
public record TrialNotOfferedExpectation(
        @Schema(description = "Registry id of the trial, e.g. NCT04826406.")
        String id,
        @Schema(description = "A case-insensitive fragment the reason must contain.")
        String reasonContains) {

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
