package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.hccguidance.guidance.Strength;

/**
 * An option that must be recommended; written as a bare code, or with a strength, a rank, a fragment that one
 * of its cautions must contain and/or a fragment that none of its cautions may contain (case-insensitive).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptionExpectation(String code, Strength strength, Integer rank, String cautionContains,
                                String noCautionContains) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OptionExpectation(@JsonProperty(value = "code", required = true) String code,
                             @JsonProperty("strength") Strength strength, @JsonProperty("rank") Integer rank,
                             @JsonProperty("cautionContains") String cautionContains,
                             @JsonProperty("noCautionContains") String noCautionContains) {
        this.code = code;
        this.strength = strength;
        this.rank = rank;
        this.cautionContains = cautionContains;
        this.noCautionContains = noCautionContains;
    }

    public OptionExpectation(String code, Strength strength, Integer rank) {
        this(code, strength, rank, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OptionExpectation of(String code) {
        return new OptionExpectation(code, null, null, null, null);
    }
}
