package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.hccguidance.security.EndpointAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The CDS Hooks authentication step of the security filter chain: for requests that
 * {@link EndpointAccess} puts in the {@link EndpointAccess.Tier#CDS_CLIENT} tier it requires
 * {@code Authorization: Bearer <JWT>} and checks it with {@link CdsJwtVerifier}; success sets the
 * {@code CDS_CLIENT} role, any failure answers 401 with the reason. Other requests pass untouched (a
 * Bearer header on another endpoint means nothing there). Not a bean, so it runs only inside the
 * security chain, after the path firewall.
 */
public final class CdsJwtFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(CdsJwtFilter.class);

    private final CdsJwtVerifier verifier;
    private final EndpointAccess access;
    private final CdsHooksProperties props;
    private final ObjectMapper json;

    public CdsJwtFilter(CdsJwtVerifier verifier, EndpointAccess access, CdsHooksProperties props, ObjectMapper json) {
        this.verifier = verifier;
        this.access = access;
        this.props = props;
        this.json = json;
    }

    /** The authenticated CDS client, as the security context holds it. */
    public static final class CdsClientAuthentication extends AbstractAuthenticationToken {

        private final CdsJwtVerifier.Client client;

        CdsClientAuthentication(CdsJwtVerifier.Client client) {
            super(AuthorityUtils.createAuthorityList("ROLE_CDS_CLIENT"));
            this.client = client;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public CdsJwtVerifier.Client getPrincipal() {
            return client;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest req, HttpServletResponse res, FilterChain chain)
            throws ServletException, IOException {
        if (access.tierOf(req) != EndpointAccess.Tier.CDS_CLIENT) {
            chain.doFilter(req, res);
            return;
        }
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            refuse(res, "a CDS client must send Authorization: Bearer with a signed JWT", false);
            return;
        }
        try {
            CdsJwtVerifier.Client client = verifier.verify(header.substring(7).trim(), audiences(req));
            SecurityContextHolder.getContext().setAuthentication(new CdsClientAuthentication(client));
        } catch (CdsJwtVerifier.Refused e) {
            log.info("CDS Hooks call refused: {}", e.getMessage());
            refuse(res, e.getMessage(), true);
            return;
        }
        chain.doFilter(req, res);
    }

    /** The endpoint's own URL; feedback also accepts its service's URL, which clients often sign for. */
    List<String> audiences(HttpServletRequest req) {
        String base = CdsHooksController.baseUrl(req, props);
        String path = req.getRequestURI().substring(req.getContextPath().length());
        List<String> out = new ArrayList<>(List.of(base + path));
        if (path.endsWith("/feedback")) {
            out.add(base + path.substring(0, path.length() - "/feedback".length()));
        }
        return out;
    }

    private void refuse(HttpServletResponse res, String detail, boolean invalidToken) throws IOException {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        pd.setTitle("Authentication required");
        res.setStatus(HttpStatus.UNAUTHORIZED.value());
        res.setHeader("WWW-Authenticate", invalidToken ? "Bearer error=\"invalid_token\"" : "Bearer");
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), pd);
    }
}
