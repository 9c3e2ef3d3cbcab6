/**
 * Cross-cutting HTTP concerns: JSON settings, the RFC 9457 problem responses for bad input, failed
 * evaluations and unexpected faults, and the OpenAPI contract: its fixed parts, and per operation the
 * security, error responses and examples derived from the code that enforces them (docs/api.md). The
 * request size limit lives in {@code security}.
 */
package org.hccguidance.api;
