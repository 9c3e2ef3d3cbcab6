package org.hccguidance.feedback;

import org.hccguidance.TestFiles;
import org.hccguidance.cdshooks.CdsTestClients;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same round trip with the service on a real PostgreSQL server, configured only through
 * {@code spring.datasource.url}. Runs when {@code GUIDANCE_TEST_POSTGRES_URL} names one (a JDBC URL with
 * user and password; {@code .ci/run} starts a server from Debian's postgresql package and sets it).
 */
@EnabledIfEnvironmentVariable(named = FeedbackPostgresTests.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL server: set GUIDANCE_TEST_POSTGRES_URL=jdbc:postgresql://host:port/db?user=..&password=.. "
                + "(.ci/run starts one from Debian's postgresql package)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD=admin-secret"})
class FeedbackPostgresTests {

    static final String ENV = "GUIDANCE_TEST_POSTGRES_URL";

    @DynamicPropertySource
    static void props(DynamicPropertyRegistry props) {
        Path root = TestFiles.tempDir("feedback-postgres");
        props.add("spring.datasource.url", () -> System.getenv(ENV));
        props.add("guidance.rules.dir", () -> Path.of("rules").toAbsolutePath().toString());
        props.add("guidance.scenarios.dir", () -> Path.of("scenarios").toAbsolutePath().toString());
        props.add("guidance.data.dir", () -> root.resolve("data").toString());
        CdsTestClients.properties(props);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void feedbackRoundTripOnPostgres() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
        }
        FeedbackRoundTrip.run(port, jdbc, new String[]{"admin", "admin-secret"});
    }
}
