package org.hccguidance.guidance;

import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.ChildPughClass;

/** The derived facts the guidance rests on; null where the input did not allow a value. */
public record Derived(ChildPughClass childPughClass, Integer childPughScore, Double albiScore, Integer albiGrade,
                      BclcStage bclcStage, boolean oligoprogression, boolean antiVegfContraindicated,
                      boolean immunotherapyContraindicated) {
}
