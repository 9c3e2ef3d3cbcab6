package org.hccguidance.facts;

/** Ascites as graded for Child-Pugh. */
public enum Ascites { NONE, MILD, MODERATE_SEVERE }
