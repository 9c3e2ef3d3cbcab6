package org.hccguidance.facts;

/**
 * An agent an option gives when the option is not a catalogue regimen (continuing the current
 * immunotherapy gives the checkpoint agents of the current line). Regimen options give their catalogue
 * agents without such a fact.
 */
public record OptionAgent(String code, String agent) {
}
