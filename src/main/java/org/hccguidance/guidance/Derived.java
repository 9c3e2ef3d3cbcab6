package org.hccguidance.guidance;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.ChildPughClass;

/** The derived facts the guidance rests on; null where the input did not allow a value. */
@Schema(description = "The derived facts the guidance rests on; null where the input did not allow a value.")
public record Derived(
        @Schema(description = "Child-Pugh class used: `A`, `B` or `C`; given, or graded from the components.", nullable = true)
        ChildPughClass childPughClass,
        @Schema(description = "Child-Pugh score in points (5-15).", nullable = true)
        Integer childPughScore,
        @Schema(description = "ALBI score (a dimensionless linear score from bilirubin and albumin; lower is better).",
                nullable = true)
        Double albiScore,
        @Schema(description = "ALBI grade, 1 (best) to 3.", nullable = true)
        Integer albiGrade,
        @Schema(description = "BCLC stage used: `0`, `A`, `B`, `C`, `D`; given, or estimated.", nullable = true)
        BclcStage bclcStage,
        @Schema(description = "Whether the progression counts as oligoprogression (few progressing lesions, the rest controlled).")
        boolean oligoprogression,
        @Schema(description = "Whether VEGF-targeting therapy is contraindicated.")
        boolean antiVegfContraindicated,
        @Schema(description = "Whether immune checkpoint inhibitors are contraindicated.")
        boolean immunotherapyContraindicated) {
}
