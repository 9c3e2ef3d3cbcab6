package org.hccguidance.facts;

/** A serological marker's result (HBsAg, anti-HBc). */
public enum Serology { POSITIVE, NEGATIVE }
