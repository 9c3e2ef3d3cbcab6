package org.hccguidance;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One running service shared by the test classes that extend this (Spring caches the context): a
 * copy of the shipped rules and scenarios, an admin password, and a data folder whose activation log
 * already holds one good record and a torn last line, as a crash mid-write leaves it, and the CDS Hooks
 * settings of {@link org.hccguidance.cdshooks.CdsTestClients} (trusted JWT issuer, FHIR allow-list). Two test-only
 * additions: a filter that records each request URI exactly as the server received it, and an
 * endpoint that fails in a chosen way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "guidance.reload.watch=false", "GUIDANCE_ADMIN_PASSWORD=" + ServiceWithAdmin.ADMIN_PASSWORD})
@Import({ServiceWithAdmin.RawUriRecorder.class, ServiceWithAdmin.FailingController.class})
public abstract class ServiceWithAdmin {

    public static final String ADMIN_PASSWORD = "admin-secret";
    public static final String[] ADMIN = {"admin", ADMIN_PASSWORD};
    /** A version that was "activated" before the service started; its files are not in the archive. */
    public static final String EARLIER_VERSION = "sha256:" + "e".repeat(64);
    public static final String TORN_LINE = "{\"version\":\"sha256:ab";

    protected static final Path ROOT;
    protected static final Path RULES;
    protected static final Path DATA;

    static {
        try {
            ROOT = org.hccguidance.TestFiles.tempDir("service-with-admin");
            RULES = TestFiles.copyTree(Path.of("rules"), ROOT.resolve("rules"));
            TestFiles.copyTree(Path.of("scenarios"), ROOT.resolve("scenarios"));
            DATA = Files.createDirectories(ROOT.resolve("data"));
            Files.writeString(DATA.resolve("activations.jsonl"), "{\"version\":\"" + EARLIER_VERSION
                    + "\",\"activatedAt\":\"2025-01-01T00:00:00Z\",\"activatedBy\":\"startup\","
                    + "\"source\":\"folder:/srv/rules\",\"files\":[\"a.drl\"],\"ruleCount\":1}\n" + TORN_LINE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void folders(DynamicPropertyRegistry props) {
        props.add("guidance.rules.dir", RULES::toString);
        props.add("guidance.scenarios.dir", () -> ROOT.resolve("scenarios").toString());
        props.add("guidance.data.dir", DATA::toString);
        // CDS Hooks: trusted test clients (keys generated now), the allow-listed loopback FHIR server.
        org.hccguidance.cdshooks.CdsTestClients.properties(props);
    }

    @LocalServerPort
    protected int port;

    /** Request URIs (path as sent, before any decoding) in the order the server received them. */
    public static final List<String> RECEIVED = new CopyOnWriteArrayList<>();

    static class RawUriRecorder {

        @Bean
        FilterRegistrationBean<Filter> rawUriRecorder() {
            FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>((req, res, chain) -> {
                RECEIVED.add(((HttpServletRequest) req).getRequestURI());
                chain.doFilter(req, res);
            });
            bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return bean;
        }
    }

    /**
     * Fails the way the request asks; reachable by admins only, like any endpoint no one listed as open.
     * Left out of the OpenAPI document: component scanning finds it in every test context, and the
     * contract tests write that document out as the service's contract.
     */
    @Hidden
    @RestController
    static class FailingController {

        public static final String SECRET = "MRN-SECRET-4711";

        @PostMapping("/api/v1/test/fail")
        String fail(@RequestParam String kind) {
            switch (kind) {
                case "illegal-argument" -> throw new IllegalArgumentException("bad value " + SECRET);
                case "illegal-state" -> throw new IllegalStateException("state " + SECRET);
                case "stack-overflow" -> throw new StackOverflowError("deep " + SECRET);
                case "out-of-memory" -> throw new OutOfMemoryError("heap " + SECRET);
                default -> {
                    return "ok";
                }
            }
        }
    }
}
