package org.hccguidance.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hccguidance.cdshooks.CdsHooksProperties;
import org.hccguidance.cdshooks.CdsJwtFilter;
import org.hccguidance.cdshooks.CdsJwtVerifier;
import org.hccguidance.ruleset.GuidanceProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Default deny. {@link EndpointAccess} names the open endpoints (documentation, health, info) and
 * the API endpoints (guidance on the live rule set, the read-only rule set views), which are open or
 * need the CLIENT role when {@code guidance.security.require-client-auth=true}; every other request
 * needs the ADMIN role. With no admin password configured, admin requests are closed (403 with the
 * reason), never open. CDS Hooks service calls and feedback need a CDS client's signed JWT, checked by
 * {@link CdsJwtFilter} (never HTTP Basic). {@link StrictPathFirewall} rejects unusual path spellings
 * with 400 before any of this runs.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    EndpointAccess endpointAccess(Environment env) {
        return new EndpointAccess(env.acceptsProfiles(Profiles.of("benchmark")));
    }

    /** Picked up by Spring Security's filter chain proxy in place of its default firewall. */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictPathFirewall();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return new ProblemRequestRejectedHandler(json);
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, GuidanceProperties props, AdminCredentials admin, EndpointAccess access,
                            ObjectMapper json, CdsJwtVerifier cdsJwt, CdsHooksProperties cds) throws Exception {
        AuthenticationEntryPoint needCredentials = (req, res, ex) -> {
            res.setHeader("WWW-Authenticate", "Basic realm=\"hcc-guidance\"");
            problem(json, res, HttpStatus.UNAUTHORIZED, "Authentication required",
                    "this endpoint needs valid credentials (HTTP Basic)");
        };
        http.csrf(c -> c.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            // Missing and wrong credentials get the same problem document.
            .httpBasic(b -> b.authenticationEntryPoint(needCredentials))
            .exceptionHandling(e -> e
                    .authenticationEntryPoint(needCredentials)
                    .accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN, "Forbidden",
                            "your account lacks the role this endpoint needs")))
            // Browser-based CDS clients (EHR sandboxes): CORS on the CDS Hooks paths for the configured origins only.
            .cors(c -> { })
            .addFilterBefore(new AdminDisabledFilter(admin, access, json), BasicAuthenticationFilter.class)
            .addFilterBefore(new CdsJwtFilter(cdsJwt, access, cds, json), BasicAuthenticationFilter.class)
            .authorizeHttpRequests(a -> {
                a.requestMatchers(access.matcherFor(EndpointAccess.Tier.OPEN)).permitAll();
                a.requestMatchers(access.matcherFor(EndpointAccess.Tier.CDS_CLIENT)).hasRole("CDS_CLIENT");
                if (props.security().requireClientAuth()) {
                    a.requestMatchers(access.matcherFor(EndpointAccess.Tier.API)).hasAnyRole("CLIENT", "ADMIN");
                } else {
                    a.requestMatchers(access.matcherFor(EndpointAccess.Tier.API)).permitAll();
                }
                a.anyRequest().hasRole("ADMIN");
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

    /** Answers 403 with the reason when admin requests are closed because no admin password is set. */
    static final class AdminDisabledFilter extends OncePerRequestFilter {

        private final AdminCredentials creds;
        private final EndpointAccess access;
        private final ObjectMapper json;

        AdminDisabledFilter(AdminCredentials creds, EndpointAccess access, ObjectMapper json) {
            this.creds = creds;
            this.access = access;
            this.json = json;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            if (!creds.adminEnabled() && access.tierOf(req) == EndpointAccess.Tier.ADMIN) {
                problem(json, res, HttpStatus.FORBIDDEN, "Admin endpoints disabled",
                        "no admin password is configured (set GUIDANCE_ADMIN_PASSWORD), so endpoints that change or run rules are closed");
                return;
            }
            chain.doFilter(req, res);
        }
    }
}
