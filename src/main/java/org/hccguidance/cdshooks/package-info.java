/**
 * CDS Hooks 2.0 service: discovery ({@code GET /cds-services}), the {@code hcc-guidance} service on
 * {@code patient-view} and the {@code hcc-order-check} service on {@code order-sign} / {@code order-select},
 * and the feedback endpoint. Owns the CDS Hooks JSON records, request validation, the FHIR R4 mapping
 * from prefetch (or from an allow-listed FHIR server) to {@link org.hccguidance.facts.PatientCase}, the
 * terminology tables it reads from {@code rules/terminology/*.tsv}, UCUM unit conversion, the cards built
 * from a {@link org.hccguidance.guidance.GuidanceResponse}, and the signed-JWT authentication of CDS clients.
 * Guidance itself is evaluated by {@link org.hccguidance.guidance.GuidanceService}, exactly as the REST API does.
 */
package org.hccguidance.cdshooks;
