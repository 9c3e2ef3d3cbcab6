package org.hccguidance.cdshooks;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.hccguidance.feedback.FeedbackStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Authenticates CDS clients as the CDS Hooks specification requires: a JWT signed with the client's
 * private key (RS384 or ES384 by default; unsigned and symmetric tokens are always refused), whose
 * {@code iss} is a configured trusted issuer, whose signature verifies with a key of that issuer's JWK set
 * (selected by {@code kid}), whose {@code aud} is the URL of the endpoint being called, which has not
 * expired ({@code exp}), was issued now ({@code iat}, within the clock skew), lives no longer than the
 * configured maximum, and whose {@code jti} has not been seen before (replays are refused across all
 * instances sharing the database). The {@code jku} header is never followed: keys come from configuration.
 */
@Component
public class CdsJwtVerifier {

    private static final Logger log = LoggerFactory.getLogger(CdsJwtVerifier.class);

    /** An authenticated CDS client. */
    public record Client(String issuer, String tenant) {
    }

    /** Why a token was refused; the message is safe to return and to log (no token content). */
    public static final class Refused extends Exception {
        public Refused(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<String, JWKSource<SecurityContext>> issuers = new LinkedHashMap<>();
    private final Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
    private final Duration skew;
    private final Duration maxLifetime;
    private final FeedbackStore store;
    private final Clock clock;

    public CdsJwtVerifier(CdsHooksProperties props, FeedbackStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.skew = props.security().clockSkew();
        this.maxLifetime = props.security().maxTokenLifetime();
        for (String a : props.security().allowedAlgorithms()) {
            JWSAlgorithm alg = JWSAlgorithm.parse(a.trim());
            if (!JWSAlgorithm.Family.RSA.contains(alg) && !JWSAlgorithm.Family.EC.contains(alg)) {
                throw new IllegalStateException("guidance.cds.security.allowed-algorithms: " + a
                        + " is not an asymmetric signature algorithm (the specification forbids none and HMAC)");
            }
            algorithms.add(alg);
        }
        for (CdsHooksProperties.Issuer issuer : props.security().issuers()) {
            if (issuer.iss() == null || issuer.iss().isBlank()) {
                throw new IllegalStateException("guidance.cds.security.issuers: every issuer needs an iss");
            }
            issuers.put(issuer.iss(), source(issuer));
        }
        if (issuers.isEmpty()) {
            log.info("no trusted CDS Hooks issuer configured (guidance.cds.security.issuers): every CDS Hooks call is refused");
        } else if (props.publicBaseUrl() == null || props.publicBaseUrl().isBlank()) {
            log.warn("guidance.cds.public-base-url is not set: JWT audiences are checked against the Host of each request; "
                    + "set it to the URL CDS clients call");
        }
    }

    private static JWKSource<SecurityContext> source(CdsHooksProperties.Issuer issuer) {
        int given = (issuer.jwks() != null && !issuer.jwks().isBlank() ? 1 : 0) + (issuer.jwksFile() != null ? 1 : 0)
                + (issuer.jwksUrl() != null && !issuer.jwksUrl().isBlank() ? 1 : 0);
        if (given != 1) {
            throw new IllegalStateException("issuer " + issuer.iss() + ": give exactly one of jwks, jwks-file or jwks-url");
        }
        try {
            if (issuer.jwks() != null && !issuer.jwks().isBlank()) {
                return new ImmutableJWKSet<>(publicOnly(JWKSet.parse(issuer.jwks()), issuer.iss()));
            }
            if (issuer.jwksFile() != null) {
                return new FileJwkSource(issuer.jwksFile(), issuer.iss());
            }
            return JWKSourceBuilder.create(URI.create(issuer.jwksUrl()).toURL()).retrying(true).build();
        } catch (ParseException | MalformedURLException | IllegalArgumentException e) {
            throw new IllegalStateException("issuer " + issuer.iss() + ": the JWK set cannot be read: " + e.getMessage(), e);
        }
    }

    /** A JWK set holding private or symmetric keys is a configuration mistake: only public keys are kept. */
    static JWKSet publicOnly(JWKSet set, String iss) {
        if (set.getKeys().stream().anyMatch(k -> k.getKeyType().getValue().equals("oct"))) {
            log.warn("issuer {}: symmetric keys in its JWK set are ignored", iss);
        }
        return set.toPublicJWKSet();
    }

    /**
     * @param token     the bearer token
     * @param audiences the URLs of the endpoint being called; {@code aud} must name one of them
     */
    public Client verify(String token, Collection<String> audiences) throws Refused {
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            throw new Refused("the bearer token is not a JWT");
        }
        if (!(jwt instanceof SignedJWT signed)) {
            throw new Refused("the JWT is not signed (alg none or encrypted); CDS clients must sign with their private key");
        }
        JWSHeader header = signed.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            throw new Refused("the JWT is signed with " + alg + ", a symmetric algorithm; the specification forbids HMAC");
        }
        if (!algorithms.contains(alg)) {
            throw new Refused("the JWT is signed with " + alg + "; accepted: " + algorithms);
        }
        if (header.getType() != null && !header.getType().equals(JOSEObjectType.JWT)) {
            throw new Refused("the JWT header typ must be JWT");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw new Refused("the JWT header has no kid");
        }
        JWTClaimsSet claims;
        try {
            claims = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refused("the JWT claims are not readable");
        }
        String iss = claims.getIssuer();
        if (iss == null) {
            throw new Refused("the JWT has no iss");
        }
        JWKSource<SecurityContext> keys = issuers.get(iss);
        if (keys == null) {
            throw new Refused("the JWT issuer is not a trusted CDS client");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithms, keys));
        processor.setJWSTypeVerifier((type, ctx) -> {
        });
        processor.setJWTClaimsSetVerifier((c, ctx) -> {
        });
        try {
            processor.process(signed, null);
        } catch (BadJOSEException e) {
            throw new Refused("the JWT signature does not verify with a key (kid) of the issuer's JWK set");
        } catch (JOSEException e) {
            throw new Refused("the JWT signature could not be checked");
        }
        Instant now = clock.instant();
        if (claims.getExpirationTime() == null) {
            throw new Refused("the JWT has no exp");
        }
        Instant exp = claims.getExpirationTime().toInstant();
        if (exp.plus(skew).isBefore(now)) {
            throw new Refused("the JWT has expired");
        }
        if (claims.getIssueTime() == null) {
            throw new Refused("the JWT has no iat");
        }
        Instant iat = claims.getIssueTime().toInstant();
        if (iat.minus(skew).isAfter(now)) {
            throw new Refused("the JWT is issued in the future (iat)");
        }
        if (Duration.between(iat, exp).compareTo(maxLifetime) > 0) {
            throw new Refused("the JWT lives longer than " + maxLifetime.toMinutes() + " minutes (exp - iat)");
        }
        if (claims.getNotBeforeTime() != null && claims.getNotBeforeTime().toInstant().minus(skew).isAfter(now)) {
            throw new Refused("the JWT is not valid yet (nbf)");
        }
        List<String> aud = claims.getAudience();
        if (aud == null || aud.isEmpty()) {
            throw new Refused("the JWT has no aud");
        }
        if (aud.stream().noneMatch(audiences::contains)) {
            throw new Refused("the JWT audience is not this endpoint's URL");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank()) {
            throw new Refused("the JWT has no jti");
        }
        if (jti.length() > 255 || iss.length() > 255) {
            throw new Refused("the JWT iss or jti is longer than 255 characters");
        }
        if (!store.rememberJwtId(iss, jti, exp.plus(skew), now)) {
            throw new Refused("the JWT has been used before (jti replay)");
        }
        Object tenant = claims.getClaim("tenant");
        return new Client(iss, tenant instanceof String t ? t : null);
    }

    /** A local JWK set file, re-read when it changes, so that a client's key rotation needs no restart. */
    static final class FileJwkSource implements JWKSource<SecurityContext> {

        private final Path file;
        private final String iss;
        private volatile FileTime stamp;
        private volatile JWKSet keys;

        FileJwkSource(Path file, String iss) {
            this.file = file;
            this.iss = iss;
            reload();
            if (keys == null) {
                throw new IllegalStateException("issuer " + iss + ": the JWK set file " + file + " cannot be read");
            }
        }

        private synchronized void reload() {
            try {
                FileTime now = Files.getLastModifiedTime(file);
                if (!now.equals(stamp)) {
                    keys = publicOnly(JWKSet.parse(Files.readString(file)), iss);
                    stamp = now;
                }
            } catch (IOException | ParseException e) {
                log.warn("issuer {}: the JWK set file cannot be read ({}); the previous keys stay in use", iss, e.getClass().getSimpleName());
            }
        }

        @Override
        public List<com.nimbusds.jose.jwk.JWK> get(com.nimbusds.jose.jwk.JWKSelector selector, SecurityContext context) {
            reload();
            return selector.select(keys);
        }
    }
}
