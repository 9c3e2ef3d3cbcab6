/**
 * The Drools engine: reads a rule folder (DRL and decision tables), checks it, compiles it at run
 * time into an immutable {@link org.hccguidance.engine.RuleSet} snapshot with a fresh ReleaseId, and
 * fires one snapshot against one patient at a time within firing and time limits.
 */
package org.hccguidance.engine;
