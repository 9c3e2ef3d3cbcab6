package org.hccguidance.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hccguidance.Http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** Calls the running service as a CDS client would: over HTTP, with a freshly signed JWT per call. */
public final class CdsHttp {

    public static final ObjectMapper JSON = new ObjectMapper();
    public static final Path EXAMPLES = Path.of("examples/fhir");
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    public CdsHttp(int port) {
        this.port = port;
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** A request built from an example bundle, dated to today. */
    public static CdsRequestBuilder example(String name) {
        try {
            return CdsRequestBuilder.of(EXAMPLES.resolve(name)).shiftDatesTo(Clock.systemUTC());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** POSTs to a service with an RS384 JWT whose audience is the service's URL. */
    public Http.Reply call(String serviceId, JsonNode request) {
        String path = "/cds-services/" + serviceId;
        return post(path, request.toString(), CdsTestClients.rs384(CdsTestClients.claims(url(path)).build()));
    }

    public Http.Reply post(String path, String body, String bearer) {
        return send(path, "POST", body, bearer == null ? Map.of() : Map.of("Authorization", "Bearer " + bearer));
    }

    public Http.Reply send(String path, String method, String body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Keeps a request or response under target/cds-samples (docs/cds-hooks.md quotes them). */
    public static void save(String name, Object json) {
        try {
            Path dir = java.nio.file.Files.createDirectories(Path.of("target/cds-samples"));
            java.nio.file.Files.writeString(dir.resolve(name), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
