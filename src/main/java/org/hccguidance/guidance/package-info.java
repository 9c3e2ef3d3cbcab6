/**
 * Guidance: what the rules assert about a patient (options, exclusions, cautions, evidence,
 * alerts, missing data, trial matches), how those assertions are assembled into one ranked
 * response, and the {@code POST /api/v1/guidance} endpoint that serves it.
 */
package org.hccguidance.guidance;
