/**
 * Who may do what: open or client-authenticated guidance, admin-only rule changes and runs, admin
 * credentials from the environment, problem+json for 401/403, and the request size limit.
 */
package org.hccguidance.security;
