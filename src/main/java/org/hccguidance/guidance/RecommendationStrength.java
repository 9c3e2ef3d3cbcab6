package org.hccguidance.guidance;

/** How firmly the source recommends an option (ASCO methodology). */
public enum RecommendationStrength { STRONG, MODERATE, WEAK }
