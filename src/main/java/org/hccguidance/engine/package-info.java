/**
 * The Drools engine: reads a rule folder (DRL, decision tables and reference tables), checks rule
 * text against the allow-list, compiles it at run time into an immutable
 * {@link org.hccguidance.engine.RuleSet} snapshot with a fresh ReleaseId, and fires one snapshot against
 * one patient at a time, phase by phase, within limits on firings, facts, matches and CPU time.
 */
package org.hccguidance.engine;
