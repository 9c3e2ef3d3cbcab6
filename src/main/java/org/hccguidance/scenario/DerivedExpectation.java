package org.hccguidance.scenario;

import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.ChildPughClass;

/** Derived values a scenario pins down; a null field is not checked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(description = "Derived values the guidance must have; a key left out is not checked.")
public record DerivedExpectation(
        @Schema(description = "Child-Pugh class: A, B or C.")
        ChildPughClass childPughClass,
        @Schema(description = "Child-Pugh score in points (5-15).")
        Integer childPughScore,
        @Schema(description = "ALBI score (dimensionless), compared to within 0.01.")
        Double albiScore,
        @Schema(description = "ALBI grade, 1 to 3.")
        Integer albiGrade,
        @Schema(description = "BCLC stage: '0', A, B, C or D.")
        BclcStage bclcStage,
        @Schema(description = "Whether the progression counts as oligoprogression.")
        Boolean oligoprogression,
        @Schema(description = "Whether VEGF-targeting therapy is contraindicated.")
        Boolean antiVegfContraindicated,
        @Schema(description = "Whether immune checkpoint inhibitors are contraindicated.")
        Boolean immunotherapyContraindicated) {
}
