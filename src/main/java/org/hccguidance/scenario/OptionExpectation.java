package org.hccguidance.scenario;

import org.hccguidance.guidance.EvidenceQuality;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.hccguidance.guidance.Strength;

/**
 * An option that must be recommended; written as a bare code, or with a strength, rank and/or the
 * quality of its evidence (its grade).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OptionExpectation(String code, Strength strength, Integer rank, EvidenceQuality evidenceQuality) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OptionExpectation(@JsonProperty(value = "code", required = true) String code,
                             @JsonProperty("strength") Strength strength, @JsonProperty("rank") Integer rank,
                             @JsonProperty("evidenceQuality") EvidenceQuality evidenceQuality) {
        this.code = code;
        this.strength = strength;
        this.rank = rank;
        this.evidenceQuality = evidenceQuality;
    }

    public OptionExpectation(String code, Strength strength, Integer rank) {
        this(code, strength, rank, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OptionExpectation of(String code) {
        return new OptionExpectation(code, null, null, null);
    }
}
