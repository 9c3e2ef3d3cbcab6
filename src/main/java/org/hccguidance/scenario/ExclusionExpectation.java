package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An option that must be listed as not recommended; optionally its reason must contain a fragment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExclusionExpectation(String code, String reasonContains) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public ExclusionExpectation(@JsonProperty(value = "code", required = true) String code,
                                @JsonProperty("reasonContains") String reasonContains) {
        this.code = code;
        this.reasonContains = reasonContains;
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static ExclusionExpectation of(String code) {
        return new ExclusionExpectation(code, null);
    }
}
