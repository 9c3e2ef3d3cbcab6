package org.hccguidance.workbench;

import org.hccguidance.ruleset.GuidanceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The pages' own security chain, ahead of the API's. The API is stateless with HTTP Basic and no CSRF
 * (its callers are services); pages are used from a browser, where credentials the browser resends on
 * its own would let another site act as an admin. So pages sign in with a form, keep a session, and every
 * state-changing form carries a CSRF token. Viewing and evaluating a patient need no admin rights (or the
 * CLIENT role when client authentication is required, as on the API); everything that changes or runs
 * rules, writes scenarios or reads feedback needs ADMIN.
 */
@Configuration(proxyBeanMethods = false)
class WorkbenchSecurity {

    static final String LOGIN = "/workbench/login";

    @Bean
    @Order(1)
    SecurityFilterChain workbench(HttpSecurity http, GuidanceProperties props) throws Exception {
        boolean clientAuth = props.security().requireClientAuth();
        http.securityMatcher("/workbench", "/workbench/**")
            .authorizeHttpRequests(a -> {
                a.requestMatchers(HttpMethod.GET, "/workbench/assets/**").permitAll();
                a.requestMatchers(LOGIN).permitAll();
                readers(a.requestMatchers(HttpMethod.GET, "/workbench", "/workbench/guidance", "/workbench/ruleset",
                        "/workbench/scenarios"), clientAuth);
                readers(a.requestMatchers(HttpMethod.POST, "/workbench/guidance", "/workbench/guidance/upload"), clientAuth);
                a.anyRequest().hasRole("ADMIN");
            })
            // Pages are streamed: the token (and its session) must exist before the first form is written.
            .addFilterAfter(new EagerCsrfToken(), CsrfFilter.class)
            .formLogin(f -> f.loginPage(LOGIN).defaultSuccessUrl("/workbench/ruleset").failureUrl(LOGIN + "?error"))
            .logout(l -> l.logoutUrl("/workbench/logout").logoutSuccessUrl("/workbench/guidance"))
            .headers(h -> h
                    // Everything is served from here: no CDN, no inline script, no framing by other sites.
                    .contentSecurityPolicy(c -> c.policyDirectives("default-src 'self'; script-src 'self'; "
                            + "style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; "
                            + "base-uri 'none'"))
                    .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    /** Loads the deferred CSRF token at the start of the request, while a session can still be created. */
    static final class EagerCsrfToken extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
                throws ServletException, IOException {
            if (req.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
                token.getToken();
            }
            chain.doFilter(req, res);
        }
    }

    private static void readers(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizedUrl url, boolean clientAuth) {
        if (clientAuth) {
            url.hasAnyRole("CLIENT", "ADMIN");
        } else {
            url.permitAll();
        }
    }
}
