package org.hccguidance.engine;

/** A rule of a compiled rule set: its file, Drools package and name. */
public record RuleRef(String file, String packageName, String name) {
}
