package org.hccguidance.facts;

/**
 * How much active therapy liver function and performance status allow, from fit to supportive
 * care only. The clinical cut-offs that map a patient to a level live in rules/fitness.
 */
public enum FitnessLevel { FIT, CAUTION, RESTRICTED, SUPPORTIVE_ONLY }
