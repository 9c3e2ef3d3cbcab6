/**
 * Feedback on CDS Hooks cards, in a real database: the cards issued (card uuid, service, hook instance,
 * recommendation code, rule-set version; no patient identifier), the accepted / overridden outcomes
 * clients report with their override reasons and times, and the admin summary of override rates per
 * recommendation code and rule-set version ({@code GET /api/v1/feedback/summary}). Owns the data source
 * (an H2 file under {@code guidance.data.dir} unless {@code spring.datasource.url} names another
 * database, such as PostgreSQL) and the Flyway migrations in {@code db/migration}.
 */
package org.hccguidance.feedback;
