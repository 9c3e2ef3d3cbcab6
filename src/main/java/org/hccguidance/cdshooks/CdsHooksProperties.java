package org.hccguidance.cdshooks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Everything under {@code guidance.cds.*}. Empty lists are the safe defaults: no trusted issuer means
 * every CDS Hooks call is refused, no allowed FHIR server means none is ever contacted.
 *
 * @param publicBaseUrl    the service's base URL as CDS clients see it (e.g. {@code https://cds.example.org});
 *                         JWT audiences are checked against it, and absolute links use it. Empty: taken
 *                         from each request (fine on localhost, wrong behind a proxy)
 * @param guidancePageUrl  template of a link to the guidance page for one evaluation, with
 *                         {@code {hookInstance}} and {@code {rulesetVersion}} placeholders; empty: no link
 * @param sourceUrl        absolute URL shown as each card's source link; empty: {@code {base}/api/v1/ruleset}
 * @param maxBodyBytes     largest CDS Hooks request body (prefetch bundles are larger than REST requests)
 */
@ConfigurationProperties("guidance.cds")
public record CdsHooksProperties(
        String publicBaseUrl,
        String guidancePageUrl,
        String sourceUrl,
        @DefaultValue("4194304") long maxBodyBytes,
        @DefaultValue Fhir fhir,
        @DefaultValue Security security,
        @DefaultValue Cors cors) {

    /**
     * @param allowedServers   FHIR base URLs this service may call with a client's access token; a
     *                         request naming any other {@code fhirServer} is never contacted
     * @param timeout          whole-request time limit for one FHIR query
     * @param maxResponseBytes largest FHIR response read
     */
    public record Fhir(@DefaultValue List<String> allowedServers, @DefaultValue("3s") Duration timeout,
                       @DefaultValue("4194304") long maxResponseBytes) {
    }

    /**
     * @param issuers           trusted CDS clients, each with its JWK set
     * @param allowedAlgorithms JWS algorithms accepted (asymmetric only; HMAC and none are always refused)
     * @param clockSkew         tolerance on {@code exp} and {@code iat}
     * @param maxTokenLifetime  longest {@code exp - iat} accepted; bounds how long a {@code jti} is remembered
     */
    public record Security(@DefaultValue List<Issuer> issuers,
                           @DefaultValue({"RS384", "ES384"}) List<String> allowedAlgorithms,
                           @DefaultValue("30s") Duration clockSkew,
                           @DefaultValue("10m") Duration maxTokenLifetime) {
    }

    /**
     * One trusted CDS client. Its keys come from exactly one of {@code jwks} (a JWK set as JSON),
     * {@code jwksFile} (a local JWK set file, re-read when it changes) or {@code jwksUrl} (fetched and
     * cached; the JWT's own {@code jku} header is never followed).
     */
    public record Issuer(String iss, String jwks, Path jwksFile, String jwksUrl) {
    }

    /** Browser-based CDS clients (EHR sandboxes) call from these origins; empty: no CORS. */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }
}
