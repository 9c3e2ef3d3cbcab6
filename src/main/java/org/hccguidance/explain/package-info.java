/**
 * Explanations: why one option code was recommended, ruled out or never offered for one patient, as
 * the chain of rules that fired (file, line, cited source, the facts each matched and the values that
 * decided) and, for an option not offered, the nearest rule whose conditions failed and the condition
 * that failed. Built from the engine's event listeners and the parsed rule files, never from parsing
 * consequences' effects; served by {@code explain} on the command line and by
 * {@code POST /api/v1/guidance/explain}. Explanations hold patient values and are never logged.
 */
package org.hccguidance.explain;
