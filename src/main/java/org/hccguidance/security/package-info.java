/**
 * Who may do what: one default-deny classification of requests ({@code EndpointAccess}), a firewall
 * that refuses every unusual spelling of a path with a 400 problem document (also for paths Tomcat
 * refuses itself), admin credentials from the environment, problem+json for 401/403, and the request
 * size limit.
 */
package org.hccguidance.security;
