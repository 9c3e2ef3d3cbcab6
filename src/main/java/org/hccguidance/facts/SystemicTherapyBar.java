package org.hccguidance.facts;

/**
 * A state of the patient that bars every systemic anticancer drug, whatever its class, and every trial
 * (pregnancy). The safety checks then require that nothing recommended gives a drug and that no trial
 * is offered.
 */
public record SystemicTherapyBar(String reason) {
}
