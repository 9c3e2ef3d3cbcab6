package org.hccguidance.facts;

/**
 * Radiological progression patterns: intrahepatic growth, new intrahepatic lesion, extrahepatic
 * growth, new extrahepatic lesion, new vascular invasion.
 */
public enum ProgressionPattern { IHG, NIH, EHG, NEH, NVI }
