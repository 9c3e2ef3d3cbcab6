package org.hccguidance.cdshooks;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.hccguidance.TestFiles;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The CDS clients and the FHIR server the CDS Hooks tests use, made once per test JVM: an RS384 and an
 * ES384 key pair generated now (their public keys in a temporary JWK set file that the service trusts
 * for {@link #ISSUER}), a key nobody trusts, and a fake FHIR server on loopback whose base URL is on the
 * service's allow-list while a second one is not. {@link #properties} adds the service settings to the
 * shared test service, so every HTTP test runs on one Spring context.
 */
public final class CdsTestClients {

    public static final String ISSUER = "https://ehr.example.org";
    public static final String UNTRUSTED_ISSUER = "https://rogue.example.org";
    public static final String PAGE_URL = "https://hcc.example.org/guidance?evaluation={hookInstance}";

    public static final RSAKey RSA;
    public static final ECKey EC;
    public static final RSAKey OTHER_RSA;
    public static final LoopbackFhirServer ALLOWED_FHIR;
    public static final LoopbackFhirServer FORBIDDEN_FHIR;

    static {
        try {
            RSA = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.RS384).generate();
            EC = new ECKeyGenerator(Curve.P_384).keyID("ec-1").algorithm(JWSAlgorithm.ES384).generate();
            OTHER_RSA = new RSAKeyGenerator(2048).keyID("rsa-1").algorithm(JWSAlgorithm.RS384).generate();
            Path dir = TestFiles.tempDir("cds-clients");
            Files.writeString(dir.resolve("jwks.json"), new JWKSet(List.of(RSA.toPublicJWK(), EC.toPublicJWK())).toString());
            JWKS_FILE = dir.resolve("jwks.json");
            ALLOWED_FHIR = new LoopbackFhirServer("/fhir");
            FORBIDDEN_FHIR = new LoopbackFhirServer("/fhir");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static final Path JWKS_FILE;

    private CdsTestClients() {
    }

    public static void properties(DynamicPropertyRegistry props) {
        props.add("guidance.cds.security.issuers[0].iss", () -> ISSUER);
        props.add("guidance.cds.security.issuers[0].jwks-file", JWKS_FILE::toString);
        props.add("guidance.cds.fhir.allowed-servers", ALLOWED_FHIR::base);
        props.add("guidance.cds.guidance-page-url", () -> PAGE_URL);
    }

    /** Claims a well-behaved client sends for an endpoint URL. */
    public static JWTClaimsSet.Builder claims(String aud) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience(aud).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).jwtID(UUID.randomUUID().toString());
    }

    public static String rs384(JWTClaimsSet claims) {
        try {
            return sign(new RSASSASigner(RSA), JWSAlgorithm.RS384, RSA.getKeyID(), claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String es384(JWTClaimsSet claims) {
        try {
            return sign(new ECDSASigner(EC), JWSAlgorithm.ES384, EC.getKeyID(), claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String signedBy(RSAKey key, JWSAlgorithm alg, JWTClaimsSet claims) {
        try {
            return sign(new RSASSASigner(key), alg, key.getKeyID(), claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hs384(JWTClaimsSet claims) {
        try {
            return sign(new MACSigner(new byte[48]), JWSAlgorithm.HS384, "rsa-1", claims);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String unsigned(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    private static String sign(JWSSigner signer, JWSAlgorithm alg, String kid, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fake FHIR server on loopback: answers searches from canned bundles and records what it was asked. */
    public static final class LoopbackFhirServer {

        public record Seen(String pathAndQuery, String authorization) {
        }

        private final HttpServer server;
        private final String prefix;
        public final List<Seen> requests = new CopyOnWriteArrayList<>();
        /** Resource type to the searchset Bundle it answers; a missing type answers an empty Bundle. */
        public final Map<String, String> answers = new ConcurrentHashMap<>();
        public volatile Consumer<String> onRequest = path -> { };

        LoopbackFhirServer(String prefix) throws IOException {
            this.prefix = prefix;
            this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                String uri = exchange.getRequestURI().toString();
                requests.add(new Seen(uri, exchange.getRequestHeaders().getFirst("Authorization")));
                onRequest.accept(uri);
                String path = exchange.getRequestURI().getPath();
                String type = path.startsWith(prefix + "/") ? path.substring(prefix.length() + 1) : path;
                if (type.contains("/")) {
                    type = type.substring(0, type.indexOf('/'));
                }
                String body = answers.getOrDefault(path.substring(Math.min(path.length(), prefix.length() + 1)),
                        answers.getOrDefault(type, "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"entry\":[]}"));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
        }

        public String base() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + prefix;
        }

        public int port() {
            return server.getAddress().getPort();
        }
    }

}
