package org.hccguidance.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.Optional;

/**
 * Accepts a request only when its path is already in the one spelling Spring MVC and the
 * authorisation rules agree on: no percent-encoding at all (none of this service's paths needs
 * any; encoded letters, digits, {@code -._~}, {@code /}, {@code \}, {@code ;}, {@code %} and
 * {@code .} are all refused), no matrix parameters ({@code ;}), no backslash, no empty segment
 * ({@code //}), no {@code .} or {@code ..} segment, no control character, and no trailing slash
 * under {@code /api/} or {@code /actuator/} (MVC does not route those to the endpoint). The
 * request then passes Spring Security's {@link StrictHttpFirewall} for everything else it checks
 * (methods, header and parameter characters).
 *
 * <p>Rejections carry a {@link Rejection} whose reason is our own fixed text, never the request's
 * contents, so that the 400 answer and any log line are safe to show.
 */
public final class StrictPathFirewall implements HttpFirewall {

    private final StrictHttpFirewall strict = new StrictHttpFirewall();

    @Override
    public FirewalledRequest getFirewalledRequest(HttpServletRequest request) throws RequestRejectedException {
        Optional<String> problem = problemWithPath(request.getRequestURI());
        if (problem.isEmpty() && request.getContextPath() != null && !request.getContextPath().isEmpty()) {
            problem = problemWithPath(request.getContextPath());
        }
        if (problem.isPresent()) {
            throw new Rejection(problem.get());
        }
        try {
            return strict.getFirewalledRequest(request);
        } catch (RequestRejectedException e) {
            throw new Rejection("the request contains a character, header or method the service does not accept");
        }
    }

    @Override
    public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
        return strict.getFirewalledResponse(response);
    }

    /** What is wrong with a raw request path (as sent, before any decoding), if anything. */
    static Optional<String> problemWithPath(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return Optional.of("request path is empty");
        }
        if (!rawPath.startsWith("/")) {
            return Optional.of("request path does not start with '/'");
        }
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            if (c == '%') {
                return Optional.of(i + 2 < rawPath.length() && rawPath.startsWith("25", i + 1)
                        ? "request path contains an encoded character (double encoding '%25')"
                        : "request path contains an encoded character");
            }
            if (c == ';') {
                return Optional.of("request path contains ';' (matrix or path parameters)");
            }
            if (c == '\\') {
                return Optional.of("request path contains a backslash");
            }
            if (c < 0x21 || c == 0x7f || c > 0x7e) {
                return Optional.of("request path contains a control, space or non-ASCII character");
            }
        }
        if (rawPath.contains("//")) {
            return Optional.of("request path contains an empty segment ('//')");
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("request path contains a '.' or '..' segment");
            }
        }
        if (rawPath.length() > 1 && rawPath.endsWith("/") && (rawPath.startsWith("/api/") || rawPath.startsWith("/actuator/"))) {
            return Optional.of("request path ends with '/'");
        }
        return Optional.empty();
    }

    /** A rejected request, with a reason fit to show the caller. */
    public static final class Rejection extends RequestRejectedException {

        public Rejection(String reason) {
            super(reason);
        }
    }
}
