package org.hccguidance.security;

import com.fasterxml.jackson.databind.JsonNode;
import org.hccguidance.Http;
import org.hccguidance.RawHttp;
import org.hccguidance.ServiceWithAdmin;
import org.hccguidance.TestFiles;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Admin endpoints spelled every way a path can be bent, sent over a raw socket so that nothing
 * between the test and the server decodes or normalises the path. No spelling gets an anonymous
 * caller past authorisation: each answer is 401 or a 400 problem naming what is wrong with the path,
 * and nothing was reloaded. Admins reach the endpoints on their canonical paths only.
 */
class EncodedPathTests extends ServiceWithAdmin {

    private static final String PATIENT = "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}";

    /** An admin endpoint: method, canonical path, query (may be empty) and body. */
    record Endpoint(String method, String path, String query, String body) {

        String target(String path) {
            return path + query;
        }
    }

    private static List<Endpoint> adminEndpoints(String liveVersion) {
        return List.of(
                new Endpoint("POST", "/api/v1/ruleset/reload", "", ""),
                new Endpoint("POST", "/api/v1/scenarios/run", "", "{}"),
                new Endpoint("POST", "/api/v1/guidance", "?rulesetVersion=" + liveVersion, PATIENT),
                new Endpoint("GET", "/actuator/metrics", "", null),
                new Endpoint("GET", "/actuator/env", "", null));
    }

    /** Every bent spelling of a path that this test sends. */
    static Set<String> variants(String path) {
        Set<String> out = new LinkedHashSet<>();
        HexFormat hex = HexFormat.of();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            String before = path.substring(0, i);
            String after = path.substring(i + 1);
            if (c == '/') {
                if (i > 0) {
                    out.add(before + "%2F" + after);
                    out.add(before + "%2f" + after);
                    out.add(before + "%5C" + after);
                    out.add(before + "\\" + after);
                    out.add(before + ";x=1/" + after);
                    out.add(before + "//" + after);
                    out.add(before + "/./" + after);
                    out.add(before + "/%2e/" + after);
                    out.add(before + "/x/../" + after);
                    out.add(before + "/x/%2e%2e/" + after);
                    out.add(before + "%3B/" + after);
                }
                continue;
            }
            String code = hex.formatHex(new byte[] {(byte) c});
            // One character percent-encoded, in lower- and upper-case hex, and double-encoded.
            out.add(before + "%" + code + after);
            out.add(before + "%" + code.toUpperCase(Locale.ROOT) + after);
            out.add(before + "%25" + code + after);
            if (Character.isLetter(c)) {
                out.add(before + Character.toUpperCase(c) + after);
            }
        }
        out.add(path + "/");
        out.add(path + "//");
        out.add(path + "/.");
        out.add(path + ";jsessionid=1");
        out.add(path + ";");
        out.add(path + "%3Bjsessionid=1");
        out.add(path + "%00");
        out.add(path.toUpperCase(Locale.ROOT));
        out.add("/" + path);
        out.add("/." + path);
        out.add("/x/.." + path);
        out.add("/.." + path);
        out.remove(path);
        return out;
    }

    private int historySize(Http http) {
        return http.get("/api/v1/ruleset/history").json().size();
    }

    @Test
    void noSpellingOfAnAdminEndpointLetsAnAnonymousCallerIn() {
        Http http = new Http(port);
        RawHttp raw = new RawHttp(port);
        String live = http.get("/api/v1/ruleset").json().get("version").asText();
        // A pending edit: a reload that got through would activate a new version and log it.
        TestFiles.replace(RULES.resolve("post_io/systemic-options.drl"), "package ", "// pending edit\npackage ");
        int historyBefore = historySize(http);

        int sent = 0;
        for (Endpoint e : adminEndpoints(live)) {
            for (String path : variants(e.path())) {
                for (String[] who : new String[][] {{}, {"admin", "wrong-password"}}) {
                    Http.Reply r = raw.send(e.method(), e.target(path), e.body(), who);
                    String what = e.method() + " " + e.target(path) + (who.length == 0 ? " (anonymous)" : " (wrong password)");
                    assertThat(r.status()).as(what).isIn(400, 401);
                    assertThat(r.contentType()).as(what).startsWith("application/problem+json");
                    if (r.status() == 400) {
                        assertThat(r.json().get("title").asText()).as(what).isEqualTo("Request rejected");
                        assertThat(r.json().get("detail").asText()).as(what).isNotBlank();
                    }
                    sent++;
                }
            }
            // The canonical path itself, without credentials.
            Http.Reply canonical = raw.send(e.method(), e.target(e.path()), e.body());
            assertThat(canonical.status()).as(e.path()).isEqualTo(401);
        }
        assertThat(sent).isGreaterThan(500);

        // Query tricks on the version parameter: the name is decoded before it is checked.
        for (String query : List.of("?%72ulesetVersion=" + live, "?rulesetVersion=" + live + "&rulesetVersion=",
                "?x=1&rulesetVersion=" + live, "?rulesetVersion")) {
            assertThat(raw.post("/api/v1/guidance" + query, PATIENT).status()).as(query).isEqualTo(401);
        }

        assertThat(historySize(http)).as("no activation was recorded").isEqualTo(historyBefore);
        assertThat(http.get("/api/v1/ruleset").json().get("version").asText()).isEqualTo(live);

        // The admin's canonical reload does activate the pending edit: the check above could fail.
        Http.Reply reload = raw.post("/api/v1/ruleset/reload", "", ADMIN);
        assertThat(reload.status()).isEqualTo(200);
        assertThat(reload.json().get("status").asText()).isEqualTo("ACTIVATED");
        assertThat(historySize(http)).isEqualTo(historyBefore + 1);
    }

    @Test
    void noSpellingOfAWorkbenchAdminActionRunsIt() {
        Http http = new Http(port);
        RawHttp raw = new RawHttp(port);
        String live = http.get("/api/v1/ruleset").json().get("version").asText();
        TestFiles.replace(RULES.resolve("post_io/systemic-options.drl"), "package ", "// pending page edit\npackage ");
        int historyBefore = historySize(http);
        List<Endpoint> pageActions = List.of(
                new Endpoint("POST", "/workbench/ruleset/reload", "", ""),
                new Endpoint("POST", "/workbench/scenarios/run", "", ""),
                new Endpoint("POST", "/workbench/ruleset/impact", "", "from=live&to=live"),
                new Endpoint("GET", "/workbench/feedback", "", null));
        for (Endpoint e : pageActions) {
            for (String path : variants(e.path())) {
                for (String[] who : new String[][] {{}, ADMIN}) {
                    Http.Reply r = raw.send(e.method(), e.target(path), e.body(), who);
                    // Bent spellings stop at the firewall or route nowhere (404: paths are case-sensitive); the
                    // canonical one without a session and a CSRF token is sent to sign in (302) or refused
                    // (401/403); none is ever carried out.
                    assertThat(r.status()).as(e.method() + " " + e.target(path)).isIn(302, 400, 401, 403, 404);
                }
            }
            assertThat(raw.send(e.method(), e.target(e.path()), e.body(), ADMIN).status()).as(e.path()).isIn(302, 403);
        }
        assertThat(historySize(http)).as("no activation was recorded").isEqualTo(historyBefore);
        assertThat(http.get("/api/v1/ruleset").json().get("version").asText()).isEqualTo(live);
        TestFiles.replace(RULES.resolve("post_io/systemic-options.drl"), "// pending page edit\npackage ", "package ");
    }

    @Test
    void adminsReachTheCanonicalPathsAndNoBentOne() {
        Http http = new Http(port);
        RawHttp raw = new RawHttp(port);
        assertThat(raw.post("/api/v1/ruleset/reload", "", ADMIN).status()).isEqualTo(200);
        String live = http.get("/api/v1/ruleset").json().get("version").asText();
        Http.Reply run = raw.post("/api/v1/scenarios/run", "{}", ADMIN);
        assertThat(run.status()).isEqualTo(200);
        assertThat(run.json().get("rulesetVersion").asText()).isEqualTo(live);
        Http.Reply old = raw.post("/api/v1/guidance?rulesetVersion=" + live, PATIENT, ADMIN);
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().at("/audit/rulesetVersion").asText()).isEqualTo(live);
        assertThat(raw.get("/actuator/metrics", ADMIN).status()).isEqualTo(200);
        assertThat(raw.get("/actuator/env", ADMIN).status()).as("not exposed").isEqualTo(404);

        for (Endpoint e : adminEndpoints(live)) {
            for (String path : variants(e.path())) {
                Http.Reply r = raw.send(e.method(), e.target(path), e.body(), ADMIN);
                assertThat(r.status()).as(e.method() + " " + e.target(path)).isIn(400, 404);
                assertThat(r.contentType()).as(e.target(path)).startsWith("application/problem+json");
            }
        }
    }

    @Test
    void theServerReceivesThePathExactlyAsSent() {
        RawHttp raw = new RawHttp(port);
        for (String path : List.of("/api/v1/ruleset/%72eload", "/api/v1/ruleset/%2572eload", "/api/v1/ruleset;x=1/reload",
                "/api/v1/ruleset/reload;jsessionid=1", "/api/v1//ruleset/reload", "/api/v1/./ruleset/reload",
                "/api/v1/x/../ruleset/reload", "/api/v1/ruleset/reload/", "/actuator/%6Detrics")) {
            RECEIVED.clear();
            Http.Reply r = raw.post(path, "");
            assertThat(RECEIVED).as(path).containsExactly(path);
            assertThat(r.status()).as(path).isEqualTo(400);
        }
    }

    @Test
    void rejectionsAreProblemDocumentsNamingTheFault() {
        RawHttp raw = new RawHttp(port);
        assertRejected(raw.post("/api/v1/ruleset/%72eload", ""), "request path contains an encoded character");
        assertRejected(raw.post("/api/v1/ruleset/%2572eload", ""), "request path contains an encoded character (double encoding '%25')");
        assertRejected(raw.post("/api/v1/ruleset;x=1/reload", ""), "request path contains ';' (matrix or path parameters)");
        assertRejected(raw.post("/api/v1//ruleset/reload", ""), "request path contains an empty segment ('//')");
        assertRejected(raw.post("/api/v1/./ruleset/reload", ""), "request path contains a '.' or '..' segment");
        assertRejected(raw.post("/api/v1/ruleset/reload/", ""), "request path ends with '/'");
        // These never reach the application: Tomcat refuses them, and its error report is ours too.
        assertRejected(raw.post("/api/v1/ruleset%2Freload", ""), "request path contains an encoded character");
        assertRejected(raw.post("/api/v1/ruleset%5Creload", ""), "request path contains an encoded character");
        assertRejected(raw.post("/../api/v1/ruleset/reload", ""), "request path contains a '.' or '..' segment");
        assertRejected(raw.post("/api/v1/ruleset\\reload", ""), null);
        assertRejected(raw.post("/api/v1/ruleset/%zz", ""), "request path contains an encoded character");
    }

    private static void assertRejected(Http.Reply r, String detail) {
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("title").asText()).isEqualTo("Request rejected");
        if (detail != null) {
            assertThat(p.get("detail").asText()).isEqualTo(detail);
        }
        assertThat(r.body()).doesNotContain("<html").doesNotContain("reload").doesNotContain("\tat ");
    }

    @Test
    void openEndpointsStayOpenOnTheirCanonicalPaths() {
        RawHttp raw = new RawHttp(port);
        assertThat(raw.post("/api/v1/guidance", PATIENT).status()).isEqualTo(200);
        assertThat(raw.get("/api/v1/ruleset").status()).isEqualTo(200);
        assertThat(raw.get("/api/v1/ruleset/history").status()).isEqualTo(200);
        assertThat(raw.get("/actuator/health").status()).isEqualTo(200);
        assertThat(raw.get("/actuator/info").status()).isEqualTo(200);
        assertThat(raw.get("/v3/api-docs").status()).isEqualTo(200);
        assertThat(raw.get("/swagger-ui/index.html").status()).isEqualTo(200);
        // Not listed as open, so admin-only: an endpoint added later is closed until someone opens it.
        assertThat(raw.post("/api/v1/test/fail?kind=none", "").status()).isEqualTo(401);
        assertThat(raw.get("/actuator").status()).isEqualTo(401);
        assertThat(raw.send("DELETE", "/api/v1/ruleset", null).status()).isEqualTo(401);
    }
}
