package org.hccguidance.facts;

/** Kinds of genomic alteration the molecular table can match. */
public enum AlterationType { INACTIVATING_MUTATION, AMPLIFICATION, OVEREXPRESSION, FUSION, HRD, MSI_HIGH, V600E }
