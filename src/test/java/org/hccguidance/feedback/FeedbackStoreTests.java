package org.hccguidance.feedback;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository on each database the service supports, with the Flyway schema: H2 always, PostgreSQL when one is configured. */
class FeedbackStoreTests {

    static DataSource database(String kind) {
        if (kind.equals("h2")) {
            return new DriverManagerDataSource("jdbc:h2:mem:store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        String url = System.getenv(FeedbackPostgresTests.ENV);
        Assumptions.assumeTrue(url != null && url.startsWith("jdbc:postgresql:"),
                "no PostgreSQL server: set " + FeedbackPostgresTests.ENV + " (.ci/run starts one from Debian's postgresql package)");
        return new DriverManagerDataSource(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void cardsFeedbackSummaryAndReplayGuard(String kind) {
        DataSource ds = database(kind);
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        FeedbackStore store = new FeedbackStore(jdbc);
        String version = "sha256:" + UUID.randomUUID().toString().replace("-", "");
        Instant now = Instant.parse("2026-11-20T10:00:00Z");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        store.saveCards(List.of(
                new FeedbackStore.IssuedCard(a, "hcc-guidance", "patient-view", UUID.randomUUID().toString(), "RECOMMENDATION",
                        "LENVATINIB", "info", version, "https://ehr.example.org", now),
                new FeedbackStore.IssuedCard(b, "hcc-guidance", "patient-view", UUID.randomUUID().toString(), "RECOMMENDATION",
                        "LENVATINIB", "info", version, "https://ehr.example.org", now)));
        assertThat(store.card(a)).get().extracting(FeedbackStore.IssuedCard::issuedAt).isEqualTo(now);
        assertThat(store.card(UUID.randomUUID().toString())).isEmpty();

        FeedbackStore.Feedback over = new FeedbackStore.Feedback(a, "hcc-guidance", "overridden", "urn:x", "mdt-decision", "MDT",
                false, 0, now.plusSeconds(60), now.plusSeconds(61));
        assertThat(store.saveFeedback(List.of(over))).isEqualTo(1);
        assertThat(store.saveFeedback(List.of(over))).isZero();
        assertThat(store.saveFeedback(List.of(new FeedbackStore.Feedback(b, "hcc-guidance", "accepted", null, null, null,
                false, 1, now.plusSeconds(70), now.plusSeconds(71))))).isEqualTo(1);

        FeedbackStore.SummaryRow row = store.summary(now.minusSeconds(1)).stream()
                .filter(r -> r.rulesetVersion().equals(version)).findFirst().orElseThrow();
        assertThat(row.recommendationCode()).isEqualTo("LENVATINIB");
        assertThat(row.issued()).isEqualTo(2);
        assertThat(row.accepted()).isEqualTo(1);
        assertThat(row.overridden()).isEqualTo(1);
        assertThat(row.overrideRate()).isEqualTo(0.5);
        assertThat(row.overrideReasons()).containsEntry("mdt-decision", 1L);

        String jti = UUID.randomUUID().toString();
        assertThat(store.rememberJwtId("https://ehr.example.org", jti, now.plusSeconds(300), now)).isTrue();
        assertThat(store.rememberJwtId("https://ehr.example.org", jti, now.plusSeconds(300), now)).isFalse();
        assertThat(store.rememberJwtId("https://other.example.org", jti, now.plusSeconds(300), now)).isTrue();
    }
}
