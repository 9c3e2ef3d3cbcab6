/**
 * Impact analysis: what a change to the rules does to real answers. Compares the guidance of two rule
 * sets over a cohort (every scenario patient, optionally a folder of patient files and generated
 * patients) and reports, per patient and per option code, what was added, removed or changed. The
 * command line ({@code impact}), {@code POST /api/v1/ruleset/impact}, the reload report and the
 * workbench page all use {@link org.hccguidance.impact.ImpactAnalysis}.
 */
package org.hccguidance.impact;
