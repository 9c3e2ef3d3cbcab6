package org.hccguidance.facts;

/** Child-Pugh class; declared in order of worsening liver function. */
public enum ChildPughClass { A, B, C }
