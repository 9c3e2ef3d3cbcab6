/**
 * Cross-cutting HTTP concerns: JSON settings, RFC 9457 problem responses for bad input and failed
 * evaluations, the request size limit, and the OpenAPI description.
 */
package org.hccguidance.api;
