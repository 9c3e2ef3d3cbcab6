package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.guidance.EvidenceQuality;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.hccguidance.guidance.Strength;

/**
 * An option that must be recommended; written as a bare code, or with a strength, a rank, the quality of
 * its evidence (its grade), a fragment that one of its cautions must contain and/or a fragment that none
 * of its cautions may contain (case-insensitive).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "An option that must be recommended: its code alone, or with a strength, rank, evidence quality "
        + "and/or caution fragments.")
public record OptionExpectation(
        @Schema(description = "Option code, e.g. LENVATINIB.")
        String code,
        @Schema(description = "The strength it must have: STANDARD, CONSIDER or INVESTIGATIONAL.")
        Strength strength,
        @Schema(description = "The rank it must have, 1 first.")
        Integer rank,
        @Schema(description = "The quality of evidence its grade must state: HIGH, INTERMEDIATE, LOW or INSUFFICIENT.")
        EvidenceQuality evidenceQuality,
        @Schema(description = "A case-insensitive fragment one of its cautions must contain.")
        String cautionContains,
        @Schema(description = "A case-insensitive fragment none of its cautions may contain.")
        String noCautionContains) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public OptionExpectation(@JsonProperty(value = "code", required = true) String code,
                             @JsonProperty("strength") Strength strength, @JsonProperty("rank") Integer rank,
                             @JsonProperty("evidenceQuality") EvidenceQuality evidenceQuality,
                             @JsonProperty("cautionContains") String cautionContains,
                             @JsonProperty("noCautionContains") String noCautionContains) {
        this.code = code;
        this.strength = strength;
        this.rank = rank;
        this.evidenceQuality = evidenceQuality;
        this.cautionContains = cautionContains;
        this.noCautionContains = noCautionContains;
    }

    public OptionExpectation(String code, Strength strength, Integer rank) {
        this(code, strength, rank, null, null, null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static OptionExpectation of(String code) {
        return new OptionExpectation(code, null, null, null, null, null);
    }
}
