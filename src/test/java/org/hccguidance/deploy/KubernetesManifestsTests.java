package org.hccguidance.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.hccguidance.TestFiles;
import org.hccguidance.engine.RuleSources;
import org.hccguidance.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests as {@code kubectl kustomize deploy/k8s} renders them (no cluster needed), and
 * the rule release generator. The example's rule release is a build output: it is generated from
 * {@code rules/} and {@code scenarios/} into a copy of {@code deploy/k8s}, as the two documented commands
 * do, and that copy is rendered. kubectl is required: CI installs it, and without it this fails, saying so.
 */
class KubernetesManifestsTests {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final String RELEASE = "overlays/example/rules-release";
    static List<JsonNode> rendered;

    @TempDir
    static Path work;

    @BeforeAll
    static void render() throws Exception {
        Path k8s = manifestsWithoutARelease(work.resolve("k8s"));
        run(List.of("deploy/k8s/rules-release.sh", "rules", "scenarios", k8s.resolve(RELEASE).toString()));
        rendered = documents(run(List.of(kubectl().toString(), "kustomize", k8s.toString())));
    }

    /** A copy of deploy/k8s as a fresh clone has it: any release generated in the working tree left out. */
    static Path manifestsWithoutARelease(Path to) {
        TestFiles.copyTree(Path.of("deploy/k8s"), to);
        TestFiles.deleteTree(to.resolve(RELEASE));
        return to;
    }

    static Path kubectl() {
        return Tools.require("kubectl", "rendering the Kubernetes manifests");
    }

    static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(p.exitValue()).as("%s failed:%n%s", command, out).isZero();
        return out;
    }

    static List<JsonNode> documents(String yaml) throws IOException {
        List<JsonNode> docs = new ArrayList<>();
        try (var it = YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode doc = it.next();
                if (doc != null && !doc.isEmpty()) {
                    docs.add(doc);
                }
            }
        }
        return docs;
    }

    static JsonNode only(List<JsonNode> docs, String kind) {
        List<JsonNode> found = docs.stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
        assertThat(found).as("rendered %s", kind).hasSize(1);
        return found.get(0);
    }

    static JsonNode named(JsonNode array, String name) {
        for (JsonNode n : array) {
            if (name.equals(n.path("name").asText())) {
                return n;
            }
        }
        throw new AssertionError("nothing named " + name + " in " + array);
    }

    @Test
    void theDeploymentRunsThreeHardenedReplicasThatAreReadyOnlyWithALiveRuleSet() {
        JsonNode deployment = only(rendered, "Deployment");
        assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        JsonNode pod = deployment.at("/spec/template/spec");
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").isInt()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asInt()).isPositive();
        assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
        assertThat(pod.at("/automountServiceAccountToken").asBoolean(true)).isFalse();

        JsonNode container = named(pod.path("containers"), "guidance");
        JsonNode sc = container.path("securityContext");
        assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(sc.at("/capabilities/drop").toString()).contains("\"ALL\"");
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/resources/requests/cpu").asText()).isNotBlank();
        assertThat(container.at("/resources/requests/memory").asText()).isNotBlank();
        assertThat(container.at("/resources/limits/memory").asText()).isNotBlank();
        assertThat(named(container.path("env"), "SERVER_ADDRESS").path("value").asText()).isEqualTo("0.0.0.0");
        // Replicas gate on a sample of generated patients (the release had the full check before promotion),
        // but on some: the variable's name must be one Spring binds, or the default would apply unnoticed.
        JsonNode sample = named(container.path("env"), "GUIDANCE_RELOAD_GENERATEDPATIENTS");
        Binder binder = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.<String, Object>of(sample.path("name").asText(), sample.path("value").asText()))));
        assertThat(binder.bind("guidance.reload.generated-patients", Integer.class).get()).isPositive();

        // Writable places are volumes: /tmp in memory, the archive under /data.
        assertThat(named(container.path("volumeMounts"), "tmp").path("mountPath").asText()).isEqualTo("/tmp");
        assertThat(named(pod.path("volumes"), "tmp").has("emptyDir")).isTrue();
        assertThat(named(container.path("volumeMounts"), "data").path("mountPath").asText()).isEqualTo("/data");
        assertThat(named(container.path("env"), "GUIDANCE_DATA_DIR").path("value").asText()).isEqualTo("/data");
    }

    @Test
    void theSecretCarriesTheAdminCredentialsAndTheDatabaseAndTheContainerReadsIt() {
        JsonNode secret = only(rendered, "Secret");
        assertThat(secret.path("data").has("GUIDANCE_ADMIN_PASSWORD")).isTrue();
        assertThat(secret.path("data").has("GUIDANCE_ADMIN_USER")).isTrue();
        assertThat(secret.path("data").has("SPRING_DATASOURCE_URL")).isTrue();
        JsonNode container = only(rendered, "Deployment").at("/spec/template/spec/containers/0");
        assertThat(container.at("/envFrom/0/secretRef/name").asText()).isEqualTo(secret.at("/metadata/name").asText());
    }

    @Test
    void theServiceAndTheDisruptionBudgetSelectThePods() {
        JsonNode labels = only(rendered, "Deployment").at("/spec/template/metadata/labels");
        JsonNode service = only(rendered, "Service");
        JsonNode pdb = only(rendered, "PodDisruptionBudget");
        service.at("/spec/selector").fields().forEachRemaining(e ->
                assertThat(labels.path(e.getKey()).asText()).as("service selector %s", e.getKey()).isEqualTo(e.getValue().asText()));
        assertThat(service.at("/spec/selector").isEmpty()).isFalse();
        pdb.at("/spec/selector/matchLabels").fields().forEachRemaining(e ->
                assertThat(labels.path(e.getKey()).asText()).as("PDB selector %s", e.getKey()).isEqualTo(e.getValue().asText()));
        assertThat(pdb.at("/spec/selector/matchLabels").isEmpty()).isFalse();
        assertThat(pdb.at("/spec/maxUnavailable").asInt()).isEqualTo(1);
        assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    }

    @Test
    void theRulesComeFromAnImmutableConfigMapMountedAsAFolderWithItsSubFolders() {
        JsonNode deployment = only(rendered, "Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        JsonNode container = named(pod.path("containers"), "guidance");
        assertThat(named(container.path("env"), "GUIDANCE_RULES_DIR").path("value").asText()).isEqualTo("/rules");
        assertThat(named(container.path("volumeMounts"), "rules").path("readOnly").asBoolean()).isTrue();
        for (String volume : List.of("rules", "scenarios")) {
            JsonNode source = named(pod.path("volumes"), volume).path("configMap");
            JsonNode configMap = rendered.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())
                    && d.at("/metadata/name").asText().equals(source.path("name").asText())).findFirst()
                    .orElseThrow(() -> new AssertionError("no ConfigMap " + source.path("name")));
            assertThat(configMap.path("immutable").asBoolean()).isTrue();
            Set<String> keys = keys(configMap);
            Set<String> itemKeys = new HashSet<>();
            for (JsonNode item : source.path("items")) {
                itemKeys.add(item.path("key").asText());
                assertThat(item.path("key").asText()).isEqualTo(item.path("path").asText().replace("/", "__"));
            }
            assertThat(itemKeys).as("every file of %s is mounted", volume).isEqualTo(keys);
        }
    }

    @Test
    void aRuleReleaseLaysOutTheFolderItWasMadeFrom(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("release");
        run(List.of("deploy/k8s/rules-release.sh", "rules", "scenarios", out.toString()));
        List<JsonNode> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("hcc-guidance-")).toList()) {
                docs.addAll(documents(Files.readString(f)));
            }
        }
        JsonNode patch = documents(Files.readString(out.resolve("deployment-patch.yaml"))).get(0);
        Path mounted = mount(patch.at("/spec/template/spec/volumes"), docs, dir.resolve("mounted"));
        assertThat(RuleSources.fromDirectory(mounted.resolve("rules")).version())
                .isEqualTo(RuleSources.fromDirectory(Path.of("rules")).version());
        assertThat(ScenarioLoader.fromDirectory(mounted.resolve("scenarios")))
                .hasSameSizeAs(ScenarioLoader.fromDirectory(Path.of("scenarios")));
        assertThat(Files.exists(mounted.resolve("rules/terminology/terminology.tsv"))).isTrue();
    }

    @Test
    void theRenderedConfigMapsRebuildTheRuleFolderOfThisCheckout(@TempDir Path dir) throws Exception {
        JsonNode volumes = only(rendered, "Deployment").at("/spec/template/spec/volumes");
        Path mounted = mount(volumes, rendered, dir);
        assertThat(RuleSources.fromDirectory(mounted.resolve("rules")).version())
                .isEqualTo(RuleSources.fromDirectory(Path.of("rules")).version());
        assertThat(ScenarioLoader.fromDirectory(mounted.resolve("scenarios")))
                .hasSameSizeAs(ScenarioLoader.fromDirectory(Path.of("scenarios")));
    }

    @Test
    void withoutAGeneratedReleaseRenderingFailsNamingTheReleaseFolder(@TempDir Path dir) throws Exception {
        Path k8s = manifestsWithoutARelease(dir.resolve("k8s"));
        Process p = new ProcessBuilder(kubectl().toString(), "kustomize", k8s.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isNotZero();
        assertThat(out).contains("rules-release");
        // Nothing generated is committed: the folder is ignored, and the overlay says how to make it.
        assertThat(Files.readAllLines(Path.of(".gitignore"))).contains("deploy/k8s/" + RELEASE + "/");
        assertThat(Files.readString(k8s.resolve("overlays/example/kustomization.yaml")))
                .contains("deploy/k8s/rules-release.sh rules scenarios deploy/k8s/" + RELEASE);
    }

    /**
     * What the kubelet does with the rule and scenario volumes: each ConfigMap key written at the path its
     * item names, under {@code to/<volume>}.
     */
    static Path mount(JsonNode volumes, List<JsonNode> docs, Path to) throws IOException {
        for (String volume : List.of("rules", "scenarios")) {
            JsonNode source = named(volumes, volume).path("configMap");
            JsonNode configMap = docs.stream().filter(d -> "ConfigMap".equals(d.path("kind").asText())
                            && d.at("/metadata/name").asText().equals(source.path("name").asText()))
                    .findFirst().orElseThrow(() -> new AssertionError("no ConfigMap " + source.path("name")));
            Path folder = to.resolve(volume);
            for (JsonNode item : source.path("items")) {
                Path file = folder.resolve(item.path("path").asText());
                Files.createDirectories(file.getParent());
                Files.write(file, content(configMap, item.path("key").asText()));
            }
        }
        return to;
    }

    @Test
    void aFileNameThatCannotBeAKeyIsRefusedByName(@TempDir Path dir) throws Exception {
        Path rules = Files.createDirectories(dir.resolve("rules"));
        Files.writeString(rules.resolve("bad name.drl"), "package rules;\n");
        Process p = new ProcessBuilder("deploy/k8s/rules-release.sh", rules.toString(), rules.toString(),
                dir.resolve("out").toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).isEqualTo(2);
        assertThat(out).contains("bad name.drl").contains("rename the file");
    }

    private static Set<String> keys(JsonNode configMap) {
        Set<String> keys = new HashSet<>();
        configMap.path("data").fieldNames().forEachRemaining(keys::add);
        configMap.path("binaryData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static byte[] content(JsonNode configMap, String key) {
        if (configMap.path("data").has(key)) {
            return configMap.path("data").path(key).asText().getBytes(StandardCharsets.UTF_8);
        }
        return Base64.getDecoder().decode(configMap.path("binaryData").path(key).asText());
    }
}
