/**
 * The workbench: web pages served by the service itself for clinicians (guidance for one patient from a
 * form, with a print view), guideline committees (scenario suite, coverage, impact of a rule change) and
 * informaticists (live rule set, refused candidates, reload, feedback). Server-side Thymeleaf templates
 * over the same services the JSON API uses; read-only pages work without JavaScript; every asset is
 * served locally. Owns its security chain: form sign-in, sessions and CSRF tokens for admin actions.
 */
package org.hccguidance.workbench;
