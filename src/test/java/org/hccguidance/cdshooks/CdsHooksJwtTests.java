package org.hccguidance.cdshooks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.hccguidance.Http;
import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** CDS clients authenticate with the specification's signed JWT; every failure mode is a 401. */
class CdsHooksJwtTests extends ServiceWithAdmin {

    static final String SERVICE = "/cds-services/hcc-guidance";

    CdsHttp cds;
    String body;

    @BeforeEach
    void client() {
        cds = new CdsHttp(port);
        body = CdsHttp.example("first-line.json").build().toString();
    }

    Http.Reply call(String token) {
        return cds.post(SERVICE, body, token);
    }

    static Date at(long secondsFromNow) {
        return Date.from(Instant.now().plusSeconds(secondsFromNow));
    }

    @Test
    void rs384AndEs384TokensFromTheTrustedIssuerAreAccepted() {
        assertThat(call(CdsTestClients.rs384(CdsTestClients.claims(cds.url(SERVICE)).build())).status()).isEqualTo(200);
        assertThat(call(CdsTestClients.es384(CdsTestClients.claims(cds.url(SERVICE)).build())).status()).isEqualTo(200);
        // aud as an array holding the endpoint's URL, and a tenant claim.
        assertThat(call(CdsTestClients.rs384(CdsTestClients.claims(cds.url(SERVICE))
                .audience(java.util.List.of("https://other.example.org", cds.url(SERVICE))).claim("tenant", "t-1").build())).status()).isEqualTo(200);
    }

    static Stream<Object[]> refusals() {
        Function<String, JWTClaimsSet.Builder> ok = CdsTestClients::claims;
        return Stream.of(
                new Object[]{"no token", (Function<String, String>) aud -> null, "Authorization: Bearer"},
                new Object[]{"not a JWT", (Function<String, String>) aud -> "abc.def", "not a JWT"},
                new Object[]{"unsigned (alg none)", (Function<String, String>) aud -> CdsTestClients.unsigned(ok.apply(aud).build()), "not signed"},
                new Object[]{"HMAC (HS384)", (Function<String, String>) aud -> CdsTestClients.hs384(ok.apply(aud).build()), "symmetric"},
                new Object[]{"RS256 not on the list", (Function<String, String>) aud -> CdsTestClients.signedBy(CdsTestClients.RSA, JWSAlgorithm.RS256, ok.apply(aud).build()), "RS256"},
                new Object[]{"expired", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).issueTime(at(-600)).expirationTime(at(-120)).build()), "expired"},
                new Object[]{"no exp", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).expirationTime(null).build()), "no exp"},
                new Object[]{"no iat", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).issueTime(null).build()), "no iat"},
                new Object[]{"iat in the future", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).issueTime(at(300)).expirationTime(at(400)).build()), "future"},
                new Object[]{"lives too long", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).expirationTime(at(3600)).build()), "longer than"},
                new Object[]{"wrong audience", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply("https://cds.example.org/cds-services/hcc-guidance").build()), "audience"},
                new Object[]{"audience of another service here", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud.replace("hcc-guidance", "hcc-order-check")).build()), "audience"},
                new Object[]{"no aud", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).audience((String) null).build()), "no aud"},
                new Object[]{"unknown issuer", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).issuer(CdsTestClients.UNTRUSTED_ISSUER).build()), "not a trusted"},
                new Object[]{"no iss", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).issuer(null).build()), "no iss"},
                new Object[]{"signed by a key the issuer does not have", (Function<String, String>) aud -> CdsTestClients.signedBy(CdsTestClients.OTHER_RSA, JWSAlgorithm.RS384, ok.apply(aud).build()), "does not verify"},
                new Object[]{"no jti", (Function<String, String>) aud -> CdsTestClients.rs384(ok.apply(aud).jwtID(null).build()), "no jti"},
                new Object[]{"no kid", (Function<String, String>) aud -> noKid(ok.apply(aud).build()), "no kid"});
    }

    static String noKid(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS384).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(CdsTestClients.RSA));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void refusedTokensGet401WithTheReason(String name, Function<String, String> token, String reason) {
        Http.Reply r = call(token.apply(cds.url(SERVICE)));
        assertThat(r.status()).as(r.body()).isEqualTo(401);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains(reason);
        assertThat(r.body()).doesNotContain("hcc-first-line");
    }

    @Test
    void aReplayedJtiIsRefused() {
        String token = CdsTestClients.es384(CdsTestClients.claims(cds.url(SERVICE)).build());
        assertThat(call(token).status()).isEqualTo(200);
        Http.Reply again = call(token);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.json().path("detail").asText()).contains("replay");
    }

    @Test
    void httpBasicAdminCredentialsDoNotOpenCdsServices() {
        Http.Reply r = cds.send(SERVICE, "POST", body, Map.of("Authorization", "Basic " + java.util.Base64.getEncoder()
                .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes())));
        assertThat(r.status()).isEqualTo(401);
    }

    @Test
    void feedbackNeedsAJwtTooAndDiscoveryDoesNot() {
        assertThat(cds.post(SERVICE + "/feedback", "{\"feedback\": []}", null).status()).isEqualTo(401);
        assertThat(cds.post(SERVICE + "/feedback", "{\"feedback\": []}",
                CdsTestClients.rs384(CdsTestClients.claims(cds.url(SERVICE + "/feedback")).build())).status()).isEqualTo(200);
        // Clients often sign feedback for the service's own URL; that is accepted as well.
        assertThat(cds.post(SERVICE + "/feedback", "{\"feedback\": []}",
                CdsTestClients.rs384(CdsTestClients.claims(cds.url(SERVICE)).build())).status()).isEqualTo(200);
        assertThat(cds.send("/cds-services", "GET", null, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void theFeedbackSummaryIsForAdminsOnly() {
        assertThat(cds.send("/api/v1/feedback/summary", "GET", null, Map.of()).status()).isEqualTo(401);
        String token = CdsTestClients.rs384(CdsTestClients.claims(cds.url("/api/v1/feedback/summary")).build());
        assertThat(cds.send("/api/v1/feedback/summary", "GET", null, Map.of("Authorization", "Bearer " + token)).status()).isEqualTo(401);
    }
}
