package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hl7.fhir.r4.model.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Queries a CDS client's FHIR server with the access token the client handed over, and only servers on
 * the allow-list ({@code guidance.cds.fhir.allowed-servers}): a request naming any other
 * {@code fhirServer} is never contacted, so a caller cannot make this service send requests, or a
 * token, to an address of its choosing (server-side request forgery).
 *
 * <p>A base URL is allowed only when it equals an allow-list entry after normalisation (scheme and host
 * in lower case, default port made explicit, no trailing slash); URLs with user information, a query or
 * a fragment are never allowed. Redirects are not followed, paging links are followed only on the same
 * base, responses are size- and time-limited, and the token is sent nowhere else.
 */
@Component
public class FhirServerClient {

    private static final Logger log = LoggerFactory.getLogger(FhirServerClient.class);
    private static final int MAX_PAGES = 10;

    private final Set<String> allowed;
    private final Duration timeout;
    private final long maxBytes;
    private final FhirParsing parsing;
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http;

    public FhirServerClient(CdsHooksProperties props, FhirParsing parsing) {
        Set<String> list = new TreeSet<>();
        for (String entry : props.fhir().allowedServers()) {
            if (entry == null || entry.isBlank()) {
                continue;
            }
            list.add(normalise(entry.trim()).orElseThrow(() -> new IllegalStateException(
                    "guidance.cds.fhir.allowed-servers: '" + entry + "' is not an http(s) base URL without user, query or fragment")));
        }
        this.allowed = Set.copyOf(list);
        this.timeout = props.fhir().timeout();
        this.maxBytes = props.fhir().maxResponseBytes();
        this.parsing = parsing;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Whether this base URL may be contacted. */
    public boolean allowed(String fhirServer) {
        return fhirServer != null && normalise(fhirServer).map(allowed::contains).orElse(false);
    }

    /** The canonical spelling of an http(s) base URL, or empty when it is not one this service would ever call. */
    static Optional<String> normalise(String url) {
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null || u.getRawUserInfo() != null
                    || u.getRawQuery() != null || u.getRawFragment() != null || u.isOpaque()) {
                return Optional.empty();
            }
            String path = u.normalize().getRawPath() == null ? "" : u.normalize().getRawPath();
            if (!path.equals(u.getRawPath() == null ? "" : u.getRawPath()) || path.contains("%") || path.contains("..")) {
                return Optional.empty();
            }
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            int port = u.getPort() != -1 ? u.getPort() : scheme.equals("https") ? 443 : 80;
            return Optional.of(scheme + "://" + u.getHost().toLowerCase(Locale.ROOT) + ":" + port + path);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs one query ({@code Condition?patient=123}) against an allowed server, following paging links.
     *
     * @throws CdsPreconditionException when the server is not allowed, fails or answers with something other than FHIR
     */
    public List<Resource> query(String fhirServer, String relativeQuery, String accessToken, String key) {
        if (!allowed(fhirServer)) {
            throw new CdsPreconditionException("prefetch key '" + key + "' was not sent and fhirServer is not on this service's allow-list, so it was not contacted");
        }
        String base = fhirServer.endsWith("/") ? fhirServer.substring(0, fhirServer.length() - 1) : fhirServer;
        String baseKey = normalise(base).orElseThrow();
        List<Resource> out = new ArrayList<>();
        String next = base + "/" + relativeQuery;
        for (int page = 0; next != null && page < MAX_PAGES; page++) {
            JsonNode body = get(next, accessToken, key);
            out.addAll(parsing.resources(body, "FHIR server answer for '" + key + "'"));
            next = null;
            for (JsonNode link : body.path("link")) {
                if ("next".equals(link.path("relation").asText()) && link.path("url").isTextual()) {
                    String url = link.path("url").asText();
                    // Paging only on the same server: a next link elsewhere would leak the token.
                    next = sameBase(url, baseKey) ? url : null;
                    if (next == null) {
                        throw new CdsPreconditionException("the FHIR server's next-page link for '" + key + "' points to another server; not followed");
                    }
                }
            }
        }
        return out;
    }

    private static boolean sameBase(String url, String baseKey) {
        try {
            URI u = new URI(url);
            URI base = new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null);
            Optional<String> n = normalise(base.toString());
            return n.isPresent() && (n.get().equals(baseKey) || n.get().startsWith(baseKey + "/"));
        } catch (URISyntaxException | RuntimeException e) {
            return false;
        }
    }

    private JsonNode get(String url, String accessToken, String key) {
        long start = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Accept", "application/fhir+json")
                    .header("Authorization", "Bearer " + accessToken).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                // Logged: key, status and time only; never the URL (it carries the patient id) or the token.
                log.info("FHIR query for '{}' answered {} in {} ms", key, response.statusCode(), (System.nanoTime() - start) / 1_000_000);
                if (response.statusCode() != 200) {
                    throw new CdsPreconditionException("the FHIR server answered " + response.statusCode() + " to the query for '" + key + "'");
                }
                if (bytes.length > maxBytes) {
                    throw new CdsPreconditionException("the FHIR server's answer for '" + key + "' is larger than " + maxBytes + " bytes");
                }
                return json.readTree(bytes);
            }
        } catch (IOException e) {
            log.info("FHIR query for '{}' failed: {}", key, e.getClass().getSimpleName());
            throw new CdsPreconditionException("the FHIR server could not be queried for '" + key + "' (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CdsPreconditionException("interrupted while querying the FHIR server");
        } catch (IllegalArgumentException e) {
            throw new CdsPreconditionException("the query for '" + key + "' is not a valid URL on the FHIR server");
        }
    }
}
