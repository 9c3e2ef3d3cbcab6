package org.hccguidance.feedback;

import com.zaxxer.hikari.HikariDataSource;
import org.hccguidance.ruleset.GuidanceProperties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database: whatever {@code spring.datasource.*} names, else an H2 file {@code cds-feedback} under
 * {@code guidance.data.dir}, so that {@code mvn spring-boot:run} needs no set-up. The H2 URL is built
 * here because H2 refuses paths that are only implicitly relative, and the data folder is often relative.
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(DataSourceProperties props, GuidanceProperties guidance) {
        if (StringUtils.hasText(props.getUrl())) {
            return props.initializeDataSourceBuilder().type(HikariDataSource.class).build();
        }
        Path dir = guidance.data().dir().toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data folder " + dir, e);
        }
        // DB_CLOSE_ON_EXIT=FALSE: Spring closes the pool; H2's own shutdown hook would close it first.
        return DataSourceBuilder.create().type(HikariDataSource.class)
                .url("jdbc:h2:file:" + dir.resolve("cds-feedback") + ";DB_CLOSE_ON_EXIT=FALSE")
                .username("sa").password("").build();
    }
}
