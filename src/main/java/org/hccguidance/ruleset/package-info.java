/**
 * The live rule set: where the rules come from (a folder or the jar's embedded copy), which compiled
 * snapshot serves requests, how an edited folder becomes a candidate and is gated, swapped in and
 * archived, and the {@code /api/v1/ruleset} endpoints and health that report on it.
 */
package org.hccguidance.ruleset;
