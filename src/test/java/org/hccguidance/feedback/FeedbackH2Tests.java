package org.hccguidance.feedback;

import org.hccguidance.ServiceWithAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;

import static org.assertj.core.api.Assertions.assertThat;

/** The feedback round trip over HTTP into the default store: an H2 file under guidance.data.dir. */
class FeedbackH2Tests extends ServiceWithAdmin {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void theDefaultStoreIsAnH2FileInTheDataFolder() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(c.getMetaData().getURL()).startsWith("jdbc:h2:file:" + DATA.toAbsolutePath().normalize());
        }
        assertThat(DATA.resolve("cds-feedback.mv.db")).exists();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", Integer.class)).isPositive();
    }

    @Test
    void feedbackRoundTrip() {
        FeedbackRoundTrip.run(port, jdbc, ADMIN);
    }
}
