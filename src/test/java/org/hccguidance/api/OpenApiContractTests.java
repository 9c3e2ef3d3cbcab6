package org.hccguidance.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.hccguidance.Http;
import org.hccguidance.facts.PatientCase;
import org.hccguidance.facts.PatientJson;
import org.hccguidance.scenario.Scenario;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document says what the running service does. It is fetched over HTTP from the service
 * on a random port, written to {@code target/openapi.json} (for the linters and anyone reading the
 * build), compared with the committed contract {@code docs/openapi/openapi.json}, and checked against
 * the service's real behaviour: each operation's security against anonymous and client calls, each
 * documented error status against a request that causes it, the examples against the scenario files.
 *
 * <p>{@code -Dopenapi.update=true} also writes the live document over the committed contract: the
 * documented way to refresh it (docs/api.md).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTests extends ContractService {

    static final Path LIVE = Path.of("target/openapi.json");
    static final Path COMMITTED = Path.of("docs/openapi/openapi.json");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String VERSION_PATTERN = "^sha256:[0-9a-f]{64}$";

    @LocalServerPort
    int port;
    @Value("${guidance.openapi.example-scenarios}")
    List<String> exampleScenarios;
    Http http;
    JsonNode spec;

    @BeforeAll
    void fetchAndWriteTheLiveDocument() throws Exception {
        http = new Http(port);
        Http.Reply r = http.get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        spec = r.json();
        String text = JSON.writeValueAsString(spec) + "\n";
        Files.createDirectories(LIVE.getParent());
        Files.writeString(LIVE, text);
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, text);
        }
    }

    @Test
    void infoNamesTheServiceItsBuildVersionLicenceAndContact() throws Exception {
        JsonNode info = spec.get("info");
        assertThat(spec.get("openapi").asText()).startsWith("3.0.");
        assertThat(info.get("title").asText()).isEqualTo("HCC Guidance API");
        assertThat(info.get("version").asText()).isEqualTo(pomVersion());
        assertThat(info.get("description").asText()).contains("decision support").contains("audit.rulesetVersion")
                .contains("application/problem+json");
        assertThat(info.at("/license/name").asText()).isEqualTo("Apache-2.0");
        assertThat(info.at("/license/url").asText()).isEqualTo("https://www.apache.org/licenses/LICENSE-2.0");
        assertThat(Files.readString(Path.of("LICENSE"))).contains("Apache License").contains("Version 2.0, January 2004");
        assertThat(info.at("/contact/name").asText()).isNotBlank();
    }

    @Test
    void noServerAddressIsWrittenIn() {
        assertThat(spec.get("servers")).isNotEmpty();
        spec.get("servers").forEach(s -> assertThat(s.get("url").asText()).doesNotContain("://").startsWith("/"));
        assertThat(spec.toString()).doesNotContain("127.0.0.1:" + port).doesNotContain("localhost:" + port);
    }

    @Test
    void bothAccountsAreHttpBasicSchemes() {
        for (String scheme : List.of("adminBasic", "clientBasic")) {
            JsonNode s = spec.at("/components/securitySchemes/" + scheme);
            assertThat(s.get("type").asText()).as(scheme).isEqualTo("http");
            assertThat(s.get("scheme").asText()).as(scheme).isEqualTo("basic");
        }
    }

    /**
     * Every operation, including any added later, is called anonymously and with the client account
     * (before any handler runs, so nothing is changed): the answer must be what its security says.
     */
    @Test
    void eachOperationsSecurityIsWhatTheServiceEnforces() {
        operations().forEach((name, op) -> {
            Set<String> allowed = new TreeSet<>();
            op.node.get("security").forEach(req -> allowed.add(req.size() == 0 ? "anonymous" : req.fieldNames().next()));
            boolean anonymous = allowed.contains("anonymous");
            boolean client = allowed.contains("clientBasic");
            assertThat(call(op, "", null).status() == 401).as(name + " anonymously").isEqualTo(!anonymous);
            int asClient = call(op, "", CLIENT).status();
            assertThat(asClient == 403 || asClient == 401).as(name + " as client").isEqualTo(!client);
            assertThat(op.node.at("/responses/401").isMissingNode()).as(name + " documents 401").isFalse();
            if (!client && allowed.contains("adminBasic")) {
                // An admin-only operation answers a client account (or any caller, with no admin password set) 403.
                assertThat(op.node.at("/responses/403").isMissingNode()).as(name + " documents 403").isFalse();
            }
        });
        // The one parameter that changes the tier: without credentials, with a client account.
        OperationRef guidance = operations().get("POST /api/v1/guidance");
        String stored = "?rulesetVersion=sha256:" + "0".repeat(64);
        assertThat(call(guidance, stored, null).status()).isEqualTo(401);
        assertThat(call(guidance, stored, CLIENT).status()).isEqualTo(403);
        assertThat(parameter(guidance, "rulesetVersion").get("description").asText()).startsWith("**Admin only**");
    }

    @Test
    void everyOperationDocumentsItsErrorsAsProblemDocuments() {
        operations().forEach((name, op) -> {
            Set<String> codes = names(op.node.get("responses"));
            assertThat(codes).as(name).anyMatch(c -> c.startsWith("2")).anyMatch(c -> c.startsWith("4")).contains("500");
            for (String code : codes) {
                if (code.startsWith("2") || name.equals("POST /api/v1/ruleset/reload") && code.equals("422")) {
                    continue;
                }
                JsonNode content = op.node.at("/responses/" + code + "/content");
                assertThat(names(content)).as(name + " " + code).containsExactly("application/problem+json");
                assertThat(content.at("/application~1problem+json/schema/$ref").asText()).as(name + " " + code)
                        .isEqualTo("#/components/schemas/Problem");
            }
        });
        JsonNode problem = spec.at("/components/schemas/Problem/properties");
        assertThat(names(problem)).contains("type", "title", "status", "detail", "instance", "errors", "moreErrors");
        assertThat(problem.at("/errors/items/$ref").asText()).isEqualTo("#/components/schemas/ProblemError");
        assertThat(problem.at("/moreErrors/type").asText()).isEqualTo("integer");
        assertThat(names(spec.at("/components/schemas/ProblemError/properties"))).contains("field", "message");
    }

    /**
     * Each documented error status is caused by a real request and answered as documented, with no key
     * the Problem schema does not describe; a status no test request can cause here is listed with why.
     */
    @Test
    void documentedErrorsAreRealAndShapedAsDocumented() throws Exception {
        Path malformed = Files.createTempDirectory("malformed-scenarios");
        Files.writeString(malformed.resolve("broken.yaml"), "id: t/broken\ntitle: [unclosed\n");
        byte[] big = ("{\"ecog\": 1, \"liver\": {}, \"patientRef\": \"" + "x".repeat(300 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        String patient = "{\"ecog\": 1, \"liver\": {\"childPughScore\": 5}}";
        Map<String, Function<OperationRef, Http.Reply>> triggers = new LinkedHashMap<>();
        triggers.put("POST /api/v1/guidance 400", op -> http.post(op.path, "{\"ecog\": 9, \"liver\": {}}"));
        triggers.put("POST /api/v1/guidance 401", op -> http.post(op.path, patient, "client", "wrong"));
        triggers.put("POST /api/v1/guidance 403", op -> http.post(op.path + "?rulesetVersion=sha256:" + "0".repeat(64), patient, CLIENT));
        triggers.put("POST /api/v1/guidance 404", op -> http.post(op.path + "?rulesetVersion=sha256:" + "0".repeat(64), patient, ADMIN));
        triggers.put("POST /api/v1/guidance 413", op -> http.postBytes(op.path, big, "application/json"));
        triggers.put("POST /api/v1/guidance 415", op -> http.postBytes(op.path, patient.getBytes(StandardCharsets.UTF_8), "text/plain"));
        triggers.put("POST /api/v1/guidance/explain 400", op -> http.post(op.path + "?code=NO_SUCH_CODE", patient));
        triggers.put("POST /api/v1/guidance/explain 401", op -> http.post(op.path + "?code=LENVATINIB", patient, "client", "wrong"));
        triggers.put("POST /api/v1/guidance/explain 413", op -> http.postBytes(op.path + "?code=LENVATINIB", big, "application/json"));
        triggers.put("POST /api/v1/guidance/explain 415", op -> http.postBytes(op.path + "?code=LENVATINIB",
                patient.getBytes(StandardCharsets.UTF_8), "text/plain"));
        triggers.put("GET /api/v1/ruleset 401", op -> http.get(op.path, "admin", "wrong"));
        triggers.put("GET /api/v1/ruleset/history 401", op -> http.get(op.path, "client", "wrong"));
        triggers.put("POST /api/v1/ruleset/reload 401", op -> http.post(op.path, ""));
        triggers.put("POST /api/v1/ruleset/reload 403", op -> http.post(op.path, "", CLIENT));
        triggers.put("POST /api/v1/ruleset/impact 400", op -> http.post(op.path, "{\"to\": \"/no/such/folder\"}", ADMIN));
        triggers.put("POST /api/v1/ruleset/impact 401", op -> http.post(op.path, "{\"to\": \"live\"}"));
        triggers.put("POST /api/v1/ruleset/impact 403", op -> http.post(op.path, "{\"to\": \"live\"}", CLIENT));
        triggers.put("POST /api/v1/ruleset/impact 413", op -> http.postBytes(op.path, big, "application/json"));
        triggers.put("POST /api/v1/ruleset/impact 415", op -> postAs(op.path, "{\"to\": \"live\"}", "text/plain", ADMIN));
        triggers.put("POST /api/v1/ruleset/impact 422", op -> http.post(op.path,
                "{\"to\": \"" + brokenRules() + "\"}", ADMIN));
        triggers.put("POST /api/v1/scenarios/run 400", op -> http.post(op.path, "{\"rulesDir\": \"/no/such/folder\"}", ADMIN));
        triggers.put("POST /api/v1/scenarios/run 401", op -> http.post(op.path, "{}"));
        triggers.put("POST /api/v1/scenarios/run 403", op -> http.post(op.path, "{}", CLIENT));
        triggers.put("POST /api/v1/scenarios/run 413", op -> http.postBytes(op.path, big, "application/json"));
        triggers.put("POST /api/v1/scenarios/run 415", op -> postAs(op.path, "{}", "text/plain", ADMIN));
        triggers.put("POST /api/v1/scenarios/run 422", op -> http.post(op.path,
                "{\"scenariosDir\": \"" + malformed.toString().replace("\\", "\\\\") + "\"}", ADMIN));
        Map<String, String> notCausedHere = Map.of(
                "500", "needs a failing rule or a fault in the service; ProblemAdvice and RuleSandboxHttpTests cover it",
                "503", "needs a service with no valid rule set; HotReloadTests and the startup barrier cover it",
                "422", "POST /api/v1/ruleset/reload only: needs a broken rule folder; HotReloadTests and DetailVisibilityTests cover it");
        Set<String> problemKeys = names(spec.at("/components/schemas/Problem/properties"));
        Set<String> errorKeys = names(spec.at("/components/schemas/ProblemError/properties"));
        List<String> undocumented = new ArrayList<>();
        operations().forEach((name, op) -> {
            for (String code : names(op.node.get("responses"))) {
                if (code.startsWith("2")) {
                    continue;
                }
                Function<OperationRef, Http.Reply> trigger = triggers.remove(name + " " + code);
                if (trigger == null) {
                    assertThat(notCausedHere).as("no request causes " + name + " " + code + " and no reason is given")
                            .containsKey(code);
                    continue;
                }
                Http.Reply r = trigger.apply(op);
                assertThat(r.status()).as(name + " " + code).isEqualTo(Integer.parseInt(code));
                assertThat(r.contentType()).as(name + " " + code).startsWith("application/problem+json");
                JsonNode body = r.json();
                assertThat(problemKeys).as(name + " " + code + " keys").containsAll(names(body));
                body.path("errors").forEach(e -> assertThat(errorKeys).as(name + " " + code + " error keys").containsAll(names(e)));
            }
        });
        triggers.keySet().forEach(k -> undocumented.add(k + " happens but is not documented"));
        assertThat(undocumented).isEmpty();
    }

    @Test
    void theRulesetVersionParameterHasThePatternTheServiceChecks() {
        OperationRef guidance = operations().get("POST /api/v1/guidance");
        JsonNode schema = parameter(guidance, "rulesetVersion").get("schema");
        assertThat(schema.get("pattern").asText()).isEqualTo(VERSION_PATTERN);
        String patient = "{\"ecog\": 1, \"liver\": {}}";
        assertThat(http.post(guidance.path + "?rulesetVersion=sha256:" + "a".repeat(64), patient, ADMIN).status()).isEqualTo(404);
        assertThat(("sha256:" + "a".repeat(64)).matches(VERSION_PATTERN)).isTrue();
        for (String bad : List.of("latest", "sha256:" + "A".repeat(64), "sha256:" + "a".repeat(63), "md5:" + "a".repeat(64))) {
            assertThat(bad.matches(VERSION_PATTERN)).as(bad).isFalse();
            assertThat(http.post(guidance.path + "?rulesetVersion=" + bad, patient, ADMIN).status()).as(bad).isEqualTo(400);
        }
    }

    /** The request examples are the scenario files' patients; the response examples what the service answers them. */
    @Test
    void examplesAreScenarioPatientsAndTheirRealGuidance() throws Exception {
        Map<String, Scenario> scenarios = ScenarioLoader.fromDirectory(Path.of("scenarios")).stream()
                .collect(Collectors.toMap(Scenario::id, s -> s));
        OperationRef guidance = operations().get("POST /api/v1/guidance");
        JsonNode requests = guidance.node.at("/requestBody/content/application~1json/examples");
        JsonNode responses = guidance.node.at("/responses/200/content/application~1json/examples");
        assertThat(exampleScenarios).isNotEmpty();
        assertThat(names(requests)).containsExactlyInAnyOrderElementsOf(exampleScenarios.stream().map(id -> id.replace('/', '-')).toList());
        for (String id : exampleScenarios) {
            assertThat(scenarios).as("example scenario " + id + " exists").containsKey(id);
            String key = id.replace('/', '-');
            PatientCase example = PatientJson.mapper().treeToValue(requests.get(key).get("value"), PatientCase.class);
            assertThat(example).as(id).isEqualTo(scenarios.get(id).patient());
            JsonNode documented = responses.get(key).get("value");
            JsonNode now = http.post(guidance.path, requests.get(key).get("value").toString()).json();
            assertThat(documented.get("setting")).as(id).isEqualTo(now.get("setting"));
            assertThat(documented.get("recommendations").findValuesAsText("code")).as(id)
                    .isEqualTo(now.get("recommendations").findValuesAsText("code"));
            assertThat(documented.get("notRecommended").findValuesAsText("code")).as(id)
                    .isEqualTo(now.get("notRecommended").findValuesAsText("code"));
            assertThat(documented.at("/audit/rulesetVersion")).as(id).isEqualTo(now.at("/audit/rulesetVersion"));
            assertThat(documented.at("/audit/rulesetSource").asText()).as("no host path in a public document").doesNotContain("/");
        }
        JsonNode invalid = guidance.node.at("/responses/400/content/application~1problem+json/examples/invalid-patient/value");
        assertThat(invalid.get("errors").findValuesAsText("field")).containsExactly("liver.ascites");
    }

    /** Every property of every schema says what it is; a number whose name carries a unit says the unit. */
    @Test
    void everyFieldIsDescribedWithItsUnitAndEnumValues() {
        Map<String, String> units = Map.of("MgDl", "mg/dL", "GDl", "g/dL", "NgMl", "ng/mL", "Years", "years",
                "Months", "months", "Pct", "%", "Micros", "microseconds");
        JsonNode schemas = spec.at("/components/schemas");
        List<String> undescribed = new ArrayList<>();
        List<String> noUnit = new ArrayList<>();
        for (String name : names(schemas)) {
            JsonNode schema = schemas.get(name);
            if (!schema.hasNonNull("description")) {
                undescribed.add(name);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> p = it.next();
                JsonNode property = p.getValue();
                String description = property.path("description").asText(
                        schemas.path(property.path("$ref").asText("").replace("#/components/schemas/", "")).path("description").asText(""));
                if (description.isBlank()) {
                    undescribed.add(name + "." + p.getKey());
                }
                units.forEach((suffix, unit) -> {
                    if (p.getKey().endsWith(suffix) && !description.contains(unit)) {
                        noUnit.add(name + "." + p.getKey() + " (" + unit + ")");
                    }
                });
                if (property.has("enum")) {
                    property.get("enum").forEach(v -> {
                        if (!description.contains(v.asText())) {
                            noUnit.add(name + "." + p.getKey() + " does not explain " + v.asText());
                        }
                    });
                }
            }
        }
        assertThat(undescribed).as("schemas and properties without a description (@Schema(description = ...))").isEmpty();
        assertThat(noUnit).as("unit or enum value not named in the description").isEmpty();
    }

    /** The build fails on a removal against the committed contract; additions are reported and pass. */
    @Test
    void theLiveContractBreaksNothingTheCommittedOnePromised() throws Exception {
        JsonNode committed = new ObjectMapper().readTree(COMMITTED.toFile());
        ContractDiff diff = ContractDiff.between(committed, spec);
        Files.writeString(Path.of("target/openapi-diff.txt"), diff.report());
        if (!diff.additions.isEmpty()) {
            System.out.println("OpenAPI additions since docs/openapi/openapi.json (refresh it with "
                    + "-Dopenapi.update=true, docs/api.md):\n" + diff.report());
        }
        assertThat(diff.breaking).as("breaking changes against docs/openapi/openapi.json; an intended one needs a new "
                + "API version (docs/api.md)").isEmpty();
    }

    // ---------------------------------------------------------------------------------------------

    record OperationRef(String method, String path, JsonNode node) {
    }

    private Map<String, OperationRef> operations() {
        Map<String, OperationRef> ops = new LinkedHashMap<>();
        spec.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m ->
                ops.put(m.getKey().toUpperCase() + " " + p.getKey(), new OperationRef(m.getKey().toUpperCase(), p.getKey(), m.getValue()))));
        assertThat(ops).isNotEmpty();
        return ops;
    }

    private Http.Reply call(OperationRef op, String query, String[] credentials) {
        String[] who = credentials == null ? new String[0] : credentials;
        return switch (op.method) {
            case "GET" -> http.get(op.path + query, who);
            case "POST" -> http.post(op.path + query, "{}", who);
            default -> throw new IllegalStateException("no probe for " + op.method + " " + op.path + "; add one");
        };
    }

    /** A body of any media type with credentials; the shared client sends other types anonymously only. */
    private Http.Reply postAs(String path, String body, String contentType, String[] account) {
        try {
            java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path))
                            .header("Content-Type", contentType)
                            .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                    (account[0] + ":" + account[1]).getBytes(StandardCharsets.UTF_8)))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            return new Http.Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parameter(OperationRef op, String name) {
        for (JsonNode p : op.node.path("parameters")) {
            if (p.get("name").asText().equals(name)) {
                return p;
            }
        }
        throw new AssertionError(op.path + " has no parameter " + name);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String pomVersion() throws Exception {
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile());
        var children = doc.getDocumentElement().getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if ("version".equals(children.item(i).getNodeName())) {
                return children.item(i).getTextContent().trim();
            }
        }
        throw new AssertionError("pom.xml has no project version");
    }

    /** A copy of the shipped rules with one half-written rule: a rule set that does not compile. */
    private static String brokenRules() {
        java.nio.file.Path copy = org.hccguidance.TestFiles.copyTree(java.nio.file.Path.of("rules"),
                org.hccguidance.TestFiles.tempDir("contract-broken").resolve("rules"));
        org.hccguidance.TestFiles.replace(copy.resolve("alerts/varices.drl"), "package ", "rule \"half written\" when\npackage ");
        return copy.toString().replace("\\", "\\\\");
    }
}
