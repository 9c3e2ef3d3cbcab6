package org.hccguidance.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.hccguidance.facts.BclcStage;
import org.hccguidance.facts.ChildPughClass;

/** Derived values a scenario pins down; a null field is not checked. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DerivedExpectation(ChildPughClass childPughClass, Integer childPughScore, Double albiScore,
                                 Integer albiGrade, BclcStage bclcStage, Boolean oligoprogression,
                                 Boolean antiVegfContraindicated, Boolean immunotherapyContraindicated) {
}
