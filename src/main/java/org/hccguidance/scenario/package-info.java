/**
 * Scenario files: the guideline committee's regression suite. Owns the YAML format, its strict
 * loader, the runner that checks each scenario's expectations and measures rule coverage, the HTML
 * and JUnit XML reports, the recorder, the reload gate, and {@code POST /api/v1/scenarios/run}.
 */
package org.hccguidance.scenario;
