package org.hccguidance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hccguidance.ruleset.GuidanceProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Guidance and read-only rule set information are open by default (or need the CLIENT role when
 * {@code guidance.security.require-client-auth=true}); anything that changes or runs rules needs the
 * ADMIN role. With no admin password configured, admin endpoints are closed (403), never open.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    /** Endpoints that change rules or run them against other rule sets. */
    static final RequestMatcher ADMIN_ENDPOINTS = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        boolean post = HttpMethod.POST.matches(request.getMethod());
        return (post && path.equals("/api/v1/ruleset/reload"))
                || path.startsWith("/api/v1/scenarios")
                || (path.equals("/api/v1/guidance") && request.getParameter("rulesetVersion") != null)
                || path.startsWith("/actuator/metrics");
    };

    static final RequestMatcher CLIENT_ENDPOINTS = request -> {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    };

    @Bean
    SecurityFilterChain api(HttpSecurity http, GuidanceProperties props, AdminCredentials admin, ObjectMapper json)
            throws Exception {
        http.csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .httpBasic(Customizer.withDefaults())
            .exceptionHandling(e -> e
                    .authenticationEntryPoint((req, res, ex) -> {
                        res.setHeader("WWW-Authenticate", "Basic realm=\"hcc-guidance\"");
                        problem(json, res, HttpStatus.UNAUTHORIZED, "Authentication required",
                                "this endpoint needs credentials (HTTP Basic)");
                    })
                    .accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN, "Forbidden",
                            "your account lacks the role this endpoint needs")))
            .addFilterBefore(new AdminDisabledFilter(admin, json), BasicAuthenticationFilter.class)
            .authorizeHttpRequests(a -> {
                a.requestMatchers(ADMIN_ENDPOINTS).hasRole("ADMIN");
                if (props.security().requireClientAuth()) {
                    a.requestMatchers(CLIENT_ENDPOINTS).hasAnyRole("CLIENT", "ADMIN");
                }
                a.anyRequest().permitAll();
            });
        return http.build();
    }

    @Bean
    AdminCredentials adminCredentials(@Value("${GUIDANCE_ADMIN_USER:admin}") String user,
                                      @Value("${GUIDANCE_ADMIN_PASSWORD:}") String password,
                                      @Value("${GUIDANCE_CLIENT_USER:client}") String clientUser,
                                      @Value("${GUIDANCE_CLIENT_PASSWORD:}") String clientPassword) {
        return new AdminCredentials(user, password, clientUser, clientPassword);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService users(AdminCredentials creds, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        if (creds.adminEnabled()) {
            users.add(User.withUsername(creds.adminUser()).password(encoder.encode(creds.adminPassword())).roles("ADMIN").build());
        }
        if (creds.clientEnabled()) {
            users.add(User.withUsername(creds.clientUser()).password(encoder.encode(creds.clientPassword())).roles("CLIENT").build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    static void problem(ObjectMapper json, HttpServletResponse res, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(title);
        res.setStatus(status.value());
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), pd);
    }

    /** Answers 403 with the reason when admin endpoints are disabled because no admin password is set. */
    static final class AdminDisabledFilter extends org.springframework.web.filter.OncePerRequestFilter {

        private final AdminCredentials creds;
        private final ObjectMapper json;

        AdminDisabledFilter(AdminCredentials creds, ObjectMapper json) {
            this.creds = creds;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, jakarta.servlet.FilterChain chain)
                throws jakarta.servlet.ServletException, IOException {
            if (!creds.adminEnabled() && ADMIN_ENDPOINTS.matches(req)) {
                problem(json, res, HttpStatus.FORBIDDEN, "Admin endpoints disabled",
                        "no admin password is configured (set GUIDANCE_ADMIN_PASSWORD), so endpoints that change or run rules are closed");
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
