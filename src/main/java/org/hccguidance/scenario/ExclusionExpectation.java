package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An option that must be listed as not recommended; optionally its reason must contain a fragment. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An option that must be listed as not recommended: its code alone, or with a reason fragment.")
public record ExclusionExpectation(
        @Schema(description = "Option code, e.g. REGORAFENIB.")
        String code,
        @Schema(description = "A case-insensitive fragment the reason must contain.")
        String reasonContains) {

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
