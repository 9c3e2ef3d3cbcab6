package org.hccguidance.facts;

/** Hepatic encephalopathy as graded for Child-Pugh. */
public enum Encephalopathy { NONE, GRADE_1_2, GRADE_3_4 }
