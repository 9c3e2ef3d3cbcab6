package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
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
@Schema(description = "An option that must be recommended: its code alone, or with a strength, rank and/or evidence quality.")
public record OptionExpectation(
        @Schema(description = "Option code, e.g. LENVATINIB.")
        String code,
        @Schema(description = "The strength it must have: STANDARD, CONSIDER or INVESTIGATIONAL.")
        Strength strength,
        @Schema(description = "The rank it must have, 1 first.")
        Integer rank,
        @Schema(description = "The quality of evidence its grade must state: HIGH, INTERMEDIATE, LOW or INSUFFICIENT.")
        EvidenceQuality evidenceQuality) {

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
