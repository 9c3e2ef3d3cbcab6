package org.hccguidance.facts;

/** Hepatitis C RNA in blood (active infection when detected). */
public enum HcvRna { DETECTED, NOT_DETECTED }
