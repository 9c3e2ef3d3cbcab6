package org.hccguidance.facts;

/** Why a line of therapy ended. */
public enum TherapyOutcome { PROGRESSION, INTOLERANCE, COMPLETED }
