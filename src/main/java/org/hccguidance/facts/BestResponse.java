package org.hccguidance.facts;

/** Best radiological response on a therapy. */
public enum BestResponse { CR, PR, SD, PD }
