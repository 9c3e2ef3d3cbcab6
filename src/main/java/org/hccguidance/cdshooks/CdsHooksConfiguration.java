package org.hccguidance.cdshooks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.util.List;

/** CDS Hooks settings, and CORS for browser-based CDS clients (EHR sandboxes) on the CDS Hooks paths only. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsHooksProperties.class)
public class CdsHooksConfiguration {

    /** Named so that the security chain's {@code cors()} uses it; no origins configured means no CORS. */
    @Bean
    CorsConfigurationSource corsConfigurationSource(CdsHooksProperties props) {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        List<String> origins = props.cors().allowedOrigins().stream().filter(o -> o != null && !o.isBlank()).toList();
        if (!origins.isEmpty()) {
            CorsConfiguration cors = new CorsConfiguration();
            cors.setAllowedOrigins(origins);
            cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
            cors.setAllowedHeaders(List.of("Authorization", "Content-Type"));
            cors.setAllowCredentials(false);
            cors.setMaxAge(3600L);
            source.registerCorsConfiguration("/cds-services", cors);
            source.registerCorsConfiguration("/cds-services/**", cors);
        }
        return source;
    }
}
