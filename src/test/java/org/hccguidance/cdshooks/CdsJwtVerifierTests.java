package org.hccguidance.cdshooks;

import com.nimbusds.jose.jwk.JWKSet;
import org.flywaydb.core.Flyway;
import org.hccguidance.feedback.FeedbackStore;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verifier with an issuer's JWK set given inline in configuration, and the configuration checks. */
class CdsJwtVerifierTests {

    static final String AUD = "https://cds.example.org/cds-services/hcc-guidance";

    static FeedbackStore store() {
        DriverManagerDataSource ds = new DriverManagerDataSource("jdbc:h2:mem:jwt-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        return new FeedbackStore(new JdbcTemplate(ds));
    }

    static CdsHooksProperties props(List<CdsHooksProperties.Issuer> issuers, List<String> algorithms) {
        return new CdsHooksProperties("https://cds.example.org", null, null, 4194304,
                new CdsHooksProperties.Fhir(List.of(), Duration.ofSeconds(3), 4194304),
                new CdsHooksProperties.Security(issuers, algorithms, Duration.ofSeconds(30), Duration.ofMinutes(10)),
                new CdsHooksProperties.Cors(List.of()));
    }

    @Test
    void anInlineJwkSetIsTrustedAndOnlyItsPublicPartIsKept() throws Exception {
        // Even if an operator pastes the private key, only the public part is used.
        String inline = new JWKSet(List.of(CdsTestClients.EC)).toString(false);
        CdsJwtVerifier verifier = new CdsJwtVerifier(props(List.of(new CdsHooksProperties.Issuer(CdsTestClients.ISSUER, inline, null, null)),
                List.of("ES384", "RS384")), store(), Clock.systemUTC());
        CdsJwtVerifier.Client client = verifier.verify(CdsTestClients.es384(CdsTestClients.claims(AUD).claim("tenant", "north").build()), List.of(AUD));
        assertThat(client.issuer()).isEqualTo(CdsTestClients.ISSUER);
        assertThat(client.tenant()).isEqualTo("north");
        assertThatThrownBy(() -> verifier.verify(CdsTestClients.rs384(CdsTestClients.claims(AUD).build()), List.of(AUD)))
                .isInstanceOf(CdsJwtVerifier.Refused.class).hasMessageContaining("does not verify");
    }

    @Test
    void symmetricAlgorithmsAndAmbiguousIssuersAreConfigurationErrors() {
        assertThatThrownBy(() -> new CdsJwtVerifier(props(List.of(), List.of("HS384")), store(), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HS384");
        assertThatThrownBy(() -> new CdsJwtVerifier(props(List.of(new CdsHooksProperties.Issuer("https://x", null, null, null)),
                List.of("RS384")), store(), Clock.systemUTC())).hasMessageContaining("exactly one of jwks");
    }
}
