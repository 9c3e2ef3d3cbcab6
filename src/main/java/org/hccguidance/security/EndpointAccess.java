package org.hccguidance.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides who may call what. Every request falls in exactly one tier:
 * <ul>
 *   <li>{@link Tier#OPEN}: documentation, health, info and the error page: never needs credentials;</li>
 *   <li>{@link Tier#API}: guidance on the live rule set and the read-only rule set views: open, or the
 *       CLIENT role when {@code guidance.security.require-client-auth=true};</li>
 *   <li>{@link Tier#CDS_CLIENT}: CDS Hooks service calls and feedback ({@code POST /cds-services/{id}},
 *       {@code POST /cds-services/{id}/feedback}): only a CDS client presenting a signed JWT from a trusted
 *       issuer (the CDS Hooks specification's authentication, checked by the CDS Hooks JWT filter), never
 *       HTTP Basic; CDS Hooks discovery ({@code GET /cds-services}) is open, as the specification expects;</li>
 *   <li>{@link Tier#ADMIN}: everything else, listed or not (reload, scenario runs, re-evaluation on a
 *       stored version, metrics, the feedback summary, any endpoint added later).</li>
 * </ul>
 * Paths are matched as Spring MVC routes them: on the parsed, decoded path with matrix parameters
 * removed ({@link PathPatternRequestMatcher}), never on the raw request URI. The firewall rejects
 * unusual spellings before this runs; matching on the routed path means that a spelling the firewall
 * let through still lands in the tier of the handler it reaches.
 */
public final class EndpointAccess {

    /** Who may call a request. */
    public enum Tier { OPEN, API, CDS_CLIENT, ADMIN }

    /** The query parameter that asks for evaluation on a stored rule set version (admin only). */
    static final String RULESET_VERSION_PARAM = "rulesetVersion";

    private final RequestMatcher open;
    private final RequestMatcher api;
    private final RequestMatcher cdsClient;

    /** @param benchmarkBaseline whether the benchmark profile's rule-free baseline endpoint is open too */
    public EndpointAccess(boolean benchmarkBaseline) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        this.open = any(List.of(
                paths.matcher("/v3/api-docs"),
                paths.matcher("/v3/api-docs/**"),
                paths.matcher("/swagger-ui.html"),
                paths.matcher("/swagger-ui/**"),
                paths.matcher(HttpMethod.GET, "/actuator/health"),
                paths.matcher(HttpMethod.GET, "/actuator/health/**"),
                paths.matcher(HttpMethod.GET, "/actuator/info"),
                paths.matcher(HttpMethod.GET, "/cds-services"),
                paths.matcher("/error")));
        this.cdsClient = any(List.of(
                paths.matcher(HttpMethod.POST, "/cds-services/{id}"),
                paths.matcher(HttpMethod.POST, "/cds-services/{id}/feedback")));
        RequestMatcher liveGuidance = paths.matcher(HttpMethod.POST, "/api/v1/guidance");
        List<RequestMatcher> apiMatchers = new ArrayList<>();
        apiMatchers.add(request -> liveGuidance.matches(request)
                && !request.getParameterMap().containsKey(RULESET_VERSION_PARAM));
        apiMatchers.add(paths.matcher(HttpMethod.POST, "/api/v1/guidance/explain"));
        apiMatchers.add(paths.matcher(HttpMethod.GET, "/api/v1/ruleset"));
        apiMatchers.add(paths.matcher(HttpMethod.GET, "/api/v1/ruleset/history"));
        if (benchmarkBaseline) {
            apiMatchers.add(paths.matcher(HttpMethod.POST, "/api/v1/baseline"));
        }
        this.api = any(apiMatchers);
    }

    public Tier tierOf(HttpServletRequest request) {
        if (request.getDispatcherType() == DispatcherType.ERROR || open.matches(request)) {
            return Tier.OPEN;
        }
        if (cdsClient.matches(request)) {
            return Tier.CDS_CLIENT;
        }
        return api.matches(request) ? Tier.API : Tier.ADMIN;
    }

    RequestMatcher matcherFor(Tier tier) {
        return request -> tierOf(request) == tier;
    }

    private static RequestMatcher any(List<RequestMatcher> matchers) {
        List<RequestMatcher> copy = List.copyOf(matchers);
        return request -> copy.stream().anyMatch(m -> m.matches(request));
    }
}
